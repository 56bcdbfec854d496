import { randomBytes } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { RequestHeaders } from "@/lib/server/incoming-request";

/**
 * Next's route handlers are not told the socket's address, and `next start`
 * only fills in X-Forwarded-For when the client sent none, so a client could
 * name any address it likes. instrumentation.ts therefore stamps each
 * incoming request with the socket's address in this header, behind a token
 * that only this process knows: a header of that name sent by a client is
 * overwritten, and one without the token is ignored.
 */
const headerName = "x-streamchat-socket-address";

interface StampState {
  token: string;
}

// globalThis, because instrumentation and the routes are separate bundles in one process.
const stampGlobal = globalThis as typeof globalThis & { streamchatSocketStamp?: StampState };

function state(): StampState {
  stampGlobal.streamchatSocketStamp ??= { token: randomBytes(16).toString("hex") };
  return stampGlobal.streamchatSocketStamp;
}

/**
 * Makes every HTTP server of this process stamp its requests. `onServing`
 * hears of each server that is listening: when it starts listening, or at
 * its first request (Next runs instrumentation after its server listens).
 */
export function stampSocketAddresses(serverClass: typeof Server, onServing: (server: Server) => void): void {
  const { token } = state();
  const originalEmit = serverClass.prototype.emit;
  const heard = new WeakSet<Server>();
  serverClass.prototype.emit = function emit(this: Server, event: string | symbol, ...parameters: unknown[]) {
    if ((event === "request" || event === "listening") && !heard.has(this)) {
      heard.add(this);
      onServing(this);
    }
    if (event === "request") {
      const request = parameters[0] as IncomingMessage;
      request.headers[headerName] = `${token} ${request.socket.remoteAddress ?? "unknown"}`;
    }
    return originalEmit.apply(this, [event, ...parameters] as Parameters<Server["emit"]>);
  } as Server["emit"];
}

/** The address of the socket the request came in on, when instrumentation stamped it. */
export function stampedSocketAddress(headers: RequestHeaders): string | undefined {
  const value = headers.get(headerName);
  const prefix = `${state().token} `;
  return value?.startsWith(prefix) ? value.slice(prefix.length) : undefined;
}
