import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/server/content-security-policy";

/**
 * Gives each page a fresh nonce and the Content-Security-Policy that names
 * it (the way Next documents: the policy on the request too, so Next puts
 * the nonce on its own scripts). API routes are left alone: they send no
 * HTML, and the stream should pass through nothing it need not.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Not for files, which run no script: the icons (icon.svg, public/icon-192.png, icon-512.png) and the manifest.
      source: "/((?!api/|_next/static|_next/image|icon|favicon.ico|manifest.webmanifest).*)",
      // Prefetches are not rendered pages: no nonce needed.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
