import { matchAccessCode } from "@/lib/server/access-codes";
import { ChatError } from "@/lib/server/chat-error";
import { chatServer } from "@/lib/server/chat-server";
import { clientAddress } from "@/lib/server/client-address";
import type { IncomingRequest } from "@/lib/server/incoming-request";
import { isForeignOrigin } from "@/lib/server/request-origin";
import { readCookie, sessionCookieName, verifySession } from "@/lib/server/session-cookie";

/** More wrong codes than this in a minute from one address are refused with 429 (protocol v1.1). */
const wrongCodesPerMinute = 5;

const unauthorizedMessage = "This chat needs an access code. Enter the code you were given.";

/**
 * The first thing every API route does (protocol v1.1, "Access"): refuse
 * another site's browser, then, when CHAT_ACCESS_CODES is set and the route
 * is not `open`, require a session cookie or `Authorization: Bearer <code>`.
 * Throws the protocol's 403, 401 or 429; returns the client's address.
 */
export async function guardApi(request: Pick<IncomingRequest, "headers" | "url">, { open = false }: { open?: boolean } = {}): Promise<string> {
  const { access } = chatServer().config;
  if (isForeignOrigin(request, access)) {
    throw new ChatError("forbidden_origin", "This API answers only pages of its own site (or of CHAT_ALLOWED_ORIGINS).");
  }
  const address = clientAddress(request.headers, access.trustProxy);
  if (open || access.codes.length === 0 || !access.sessionSecret) return address;

  const session = readCookie(request.headers.get("cookie"), sessionCookieName);
  if (session && verifySession(session, access.codes, access.sessionSecret)) return address;
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim();
  if (bearer !== undefined) {
    await admitCode(bearer, address);
    return address;
  }
  throw new ChatError("unauthorized", unauthorizedMessage);
}

/**
 * Checks an access code that `address` offered, counting wrong ones: after
 * five wrong codes in a minute every attempt is refused until the minute
 * ends, so a guess cannot be confirmed by a different answer. Returns the
 * code that matched; throws 401 or 429.
 */
export async function admitCode(candidate: string, address: string): Promise<string> {
  const { config, shared } = chatServer();
  const key = `wrong-code:${address}`;
  const before = await shared.counters.peek(key);
  if (before.count >= wrongCodesPerMinute) throw tooManyWrongCodes(before.retryAfterSeconds);
  const code = matchAccessCode(candidate, config.access.codes);
  if (code !== undefined) return code;
  const after = await shared.counters.add(key);
  if (after.count > wrongCodesPerMinute) throw tooManyWrongCodes(after.retryAfterSeconds);
  throw new ChatError("unauthorized", "That access code is not right. Check it and try again.");
}

function tooManyWrongCodes(retryAfterSeconds: number): ChatError {
  return new ChatError("rate_limited", `Too many wrong access codes. Try again in ${retryAfterSeconds} s.`, {
    retryable: true,
    retryAfterSeconds,
  });
}
