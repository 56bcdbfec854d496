import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";

/** What the API's checks read of a request's headers: a Web `Headers` is one. */
export interface RequestHeaders {
  get(name: string): string | null;
}

/**
 * What the chat route needs of a request, met both by a Web `Request` and,
 * without building one, by a Node request (`incomingRequestFromNode`): the
 * chat route answers on Node's response directly, which costs a third of the
 * CPU of a Web Response piped through Next (README, "Performance").
 */
export interface IncomingRequest {
  headers: RequestHeaders;
  url: string;
  /** Aborts when the client goes away before the answer has ended. */
  signal: AbortSignal;
  body: ReadableStream<Uint8Array> | Readable | null;
}

function nodeHeaders(request: IncomingMessage): RequestHeaders {
  return {
    get(name) {
      const value = request.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/** A Node request as an IncomingRequest, which also tells of its client going away without a signal. */
export interface NodeIncomingRequest extends IncomingRequest {
  /** Calls `listener` once when the client has gone before the response was sent to its end (at once if it already has). */
  whenClientGone(listener: () => void): void;
}

/**
 * A Node request as an IncomingRequest. Its signal aborts when the
 * connection closes before the response has been sent to its end. The
 * signal is made only when asked for (a non-streaming answer's upstream
 * request takes it): a streaming answer hears of it through
 * `whenClientGone`, and an AbortController with its listener would cost
 * memory and time for every answer in flight.
 */
export function incomingRequestFromNode(request: IncomingMessage, response: ServerResponse): NodeIncomingRequest {
  let gone = false;
  let clientGone: AbortController | undefined;
  let onGone: (() => void) | undefined;
  response.once("close", () => {
    if (response.writableFinished) return;
    gone = true;
    clientGone?.abort();
    onGone?.();
  });
  return {
    headers: nodeHeaders(request),
    // The scheme and host only serve as a fallback for a request without a Host header (see request-origin.ts).
    url: `http://${request.headers.host ?? "localhost"}${request.url ?? "/"}`,
    get signal() {
      if (!clientGone) {
        clientGone = new AbortController();
        if (gone) clientGone.abort();
      }
      return clientGone.signal;
    },
    body: request,
    whenClientGone(listener) {
      if (gone) listener();
      else onGone = listener;
    },
  };
}
