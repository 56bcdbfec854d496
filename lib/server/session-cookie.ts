import { createHmac, timingSafeEqual } from "node:crypto";

export const sessionCookieName = "streamchat_session";
export const sessionLifetimeSeconds = 30 * 24 * 60 * 60;

/**
 * A tag of the code a session was opened with, so that taking a code out of
 * CHAT_ACCESS_CODES also ends the sessions it opened. Short and keyed: the
 * code itself cannot be read back from it.
 */
function codeTag(code: string, secret: string): string {
  return createHmac("sha256", secret).update(`code\0${code}`).digest("base64url").slice(0, 22);
}

function signature(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`session\0${payload}`).digest("base64url");
}

/** The cookie's value: `expiresAt.codeTag.signature` (expiresAt in seconds since the epoch). */
export function signSession(code: string, secret: string, nowMs = Date.now()): string {
  const payload = `${Math.floor(nowMs / 1000) + sessionLifetimeSeconds}.${codeTag(code, secret)}`;
  return `${payload}.${signature(payload, secret)}`;
}

/** Whether `value` is a session this server signed, not expired, opened with a code that is still valid. */
export function verifySession(value: string, codes: readonly string[], secret: string, nowMs = Date.now()): boolean {
  const parts = value.split(".");
  if (parts.length !== 3) return false;
  const [expiresAt = "", tag = "", given = ""] = parts;
  const expected = Buffer.from(signature(`${expiresAt}.${tag}`, secret));
  const givenBytes = Buffer.from(given);
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return false;
  if (!/^\d+$/.test(expiresAt) || Number(expiresAt) * 1000 <= nowMs) return false;
  return codes.some((code) => codeTag(code, secret) === tag);
}

/** The value of cookie `name` in a `Cookie` header. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator !== -1 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}

/** `Set-Cookie` for a session (protocol: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS, 30 days); an empty value ends it. */
export function sessionCookieHeader(value: string, secure: boolean): string {
  const attributes = [`${sessionCookieName}=${value}`, "HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${value ? sessionLifetimeSeconds : 0}`];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}
