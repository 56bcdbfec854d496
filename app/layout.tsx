import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { PreferencesScript } from "@/components/preferences/preferences-script";
import "./globals.css";

export const metadata: Metadata = {
  title: "streamchat",
  description: "A chat that streams a model's answer token by token.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#020617" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: each page carries its own CSP nonce (proxy.ts), which a prerendered page could not.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The inline script sets `lang` and the `dark` class before React hydrates; suppressHydrationWarning
    // (which reaches this element's own attributes only) says that is expected.
    <html lang="en" suppressHydrationWarning>
      <head>
        <PreferencesScript nonce={nonce} />
      </head>
      <body className="antialiased">{children}</body>
    </html>
  );
}
