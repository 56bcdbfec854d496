import type { IncomingRequest } from "@/lib/server/incoming-request";
import type { AccessConfig } from "@/lib/server/server-config";

/** The parts of a request these checks read (a Web Request is one). */
type RequestParts = Pick<IncomingRequest, "headers" | "url">;

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}

/** Whether the request came over HTTPS, as the client sees it. */
export function isSecureRequest(request: RequestParts, trustProxy: boolean): boolean {
  const forwardedProto = trustProxy ? firstValue(request.headers.get("x-forwarded-proto")) : undefined;
  return (forwardedProto ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

/**
 * Whether a browser on another site sent this request (protocol v1.1): its
 * `Origin` is present and is neither the app's own nor one of
 * CHAT_ALLOWED_ORIGINS. The app's own origin is the request's Host; behind a
 * trusted proxy, X-Forwarded-Host and X-Forwarded-Proto. Without a trusted
 * proxy the scheme is not known for sure (TLS may end at a proxy), so the
 * host alone is compared.
 */
export function isForeignOrigin(request: RequestParts, access: Pick<AccessConfig, "allowedOrigins" | "trustProxy">): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  if (access.allowedOrigins.includes(origin)) return false;
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return true; // "null" (a sandboxed frame, a file) or garbage: not us.
  }
  const forwardedHost = access.trustProxy ? firstValue(request.headers.get("x-forwarded-host")) : undefined;
  const host = forwardedHost ?? request.headers.get("host") ?? new URL(request.url).host;
  if (originUrl.host !== host.toLowerCase()) return true;
  if (!access.trustProxy) return false;
  return originUrl.protocol !== (isSecureRequest(request, true) ? "https:" : "http:");
}
