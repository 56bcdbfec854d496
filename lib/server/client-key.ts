/**
 * The key that rate limits count a client by: its IP address. `next start`
 * puts the socket's address in `X-Forwarded-For` only when the request has
 * none, so the last entry is the nearest hop. Issue 8 makes this exact with
 * `CHAT_TRUST_PROXY`.
 */
export function clientKey(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const nearest = forwarded?.split(",").at(-1)?.trim();
  return nearest || headers.get("x-real-ip") || "unknown";
}
