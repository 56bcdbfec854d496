import type { MetadataRoute } from "next";

/**
 * The web app manifest (/manifest.webmanifest, linked from every page by
 * Next): the chat can be installed as an app of its own, on a desktop or a
 * phone's home screen, opening in a window without the browser's bars. Its
 * icon is app/icon.svg, which scales to any size, and the same drawn at 192
 * and 512 pixels (public/icon-*.png, made from it in Chromium), the sizes
 * Android asks for to put an app on its home screen.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "streamchat",
    short_name: "streamchat",
    description: "A chat that streams a model's answer token by token.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#2563eb",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    ],
  };
}
