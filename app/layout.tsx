import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "streamchat",
  description: "A chat that streams a model's answer token by token.",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: each page carries its own CSP nonce (proxy.ts), which a prerendered page could not.
  await connection();
  return (
    <html lang="en">
      <body className="antialiased">{children}</body>
    </html>
  );
}
