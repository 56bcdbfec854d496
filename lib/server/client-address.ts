import type { RequestHeaders } from "@/lib/server/incoming-request";
import { stampedSocketAddress } from "@/lib/server/socket-address";

/**
 * The client's IP address, which rate limits and the wrong-code limit count
 * by. Behind a trusted proxy (CHAT_TRUST_PROXY, on by default on Vercel) it is
 * the last X-Forwarded-For entry, the one the nearest proxy added (earlier
 * entries are whatever the client claimed), or X-Real-IP. Otherwise it is the
 * socket's address, and forwarded headers are ignored: anyone can send them.
 */
export function clientAddress(headers: RequestHeaders, trustProxy: boolean): string {
  if (trustProxy) {
    const nearest = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    return nearest || headers.get("x-real-ip")?.trim() || "unknown";
  }
  return stampedSocketAddress(headers) ?? "unknown";
}
