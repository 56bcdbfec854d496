import http from "node:http";
import https from "node:https";

/**
 * A `fetch` for the openai SDK over node:http(s), with keep-alive agents.
 * Why not the global fetch (undici): it wraps every response body in a Web
 * ReadableStream, so each upstream chunk costs a byte-stream enqueue, a
 * controller resume and a read promise, and Next patches the global fetch
 * with its cache and tracing layers on top; per request it builds a Request,
 * a fetch controller and a stream for the request body. Here the relay
 * reads the Node stream itself (`nodeBodyOf`): one 'data' event per chunk.
 * The Response's Web body is not even made until somebody asks for it (the
 * SDK does for error bodies and non-streaming answers): a streamed answer
 * never pays for a ReadableStream it does not read.
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** The Node stream behind a response of `httpFetch`, while nobody has asked for its Web body. */
export function nodeBodyOf(response: Response): http.IncomingMessage | undefined {
  return response instanceof NodeBodyResponse ? response.unreadNodeBody() : undefined;
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason instanceof Error && signal.reason.name === "AbortError" ? signal.reason : new DOMException("This operation was aborted", "AbortError");
}

/** A Web body that starts reading `incoming` only when it is first pulled (so the Node stream stays free until then). */
function lazyWebBody(incoming: http.IncomingMessage): ReadableStream<Uint8Array> {
  let attached = false;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!attached) {
          attached = true;
          incoming.on("data", (bytes: Buffer) => {
            controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
          });
          incoming.once("end", () => controller.close());
          incoming.once("error", (error) => controller.error(error));
        }
        incoming.resume();
      },
      cancel() {
        incoming.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A Response whose body is `incoming`: the Web body (and every method that
 * reads it) is a Response made on first use around a lazy Web stream of it;
 * until then `nodeBodyOf` hands the Node stream itself to the relay.
 */
class NodeBodyResponse extends Response {
  #incoming: http.IncomingMessage;
  #web: Response | undefined;

  constructor(incoming: http.IncomingMessage, init: ResponseInit) {
    super(null, init);
    this.#incoming = incoming;
  }

  unreadNodeBody(): http.IncomingMessage | undefined {
    return this.#web ? undefined : this.#incoming;
  }

  #webResponse(): Response {
    this.#web ??= new Response(lazyWebBody(this.#incoming), { status: this.status, statusText: this.statusText, headers: this.headers });
    return this.#web;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return this.#webResponse().body as ReadableStream<Uint8Array<ArrayBuffer>>;
  }
  override get bodyUsed(): boolean {
    return this.#web?.bodyUsed ?? false;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#webResponse().arrayBuffer();
  }
  override blob(): Promise<Blob> {
    return this.#webResponse().blob();
  }
  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#webResponse().bytes();
  }
  override formData(): Promise<FormData> {
    return this.#webResponse().formData();
  }
  override json(): Promise<unknown> {
    return this.#webResponse().json();
  }
  override text(): Promise<string> {
    return this.#webResponse().text();
  }
  override clone(): Response {
    return this.#webResponse().clone();
  }
}

function isHeaderRecord(headers: HeadersInit | undefined): headers is Record<string, string> {
  return typeof headers === "object" && !Array.isArray(headers) && !(headers instanceof Headers);
}

const bodilessStatuses = new Set([101, 204, 205, 304]);

/** Whether a response to `method` with `status` has a body to read (not a HEAD's, not a 204's or 304's). */
export function responseHasBody(status: number, method: string): boolean {
  return !bodilessStatuses.has(status) && method !== "HEAD";
}

export interface HttpRequestInit {
  method: string;
  /** Sent as they are: node:http checks names and values itself. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

/**
 * One request over the keep-alive agents: the response as Node's stream,
 * once its head has come. Errors are shaped as undici's (a TypeError "fetch
 * failed" with the cause; the signal's AbortError once it aborted). The chat
 * relay reads an answer through this alone (directChatStream): no Headers
 * or Response per answer, which cost about 2.8 kB and a tenth of a
 * millisecond each in undici.
 */
export function httpRequest(url: URL, init: HttpRequestInit): Promise<http.IncomingMessage> {
  // Taken out of `init` here, not in the closures below, which live as long as the response and
  // would keep all `init` can reach: the body (a conversation, often tens of kB) is let go once the
  // response has come.
  const { method, headers, signal } = init;
  let body = init.body;
  return new Promise((resolve, reject) => {
    const agent = url.protocol === "https:" ? agents["https:"] : url.protocol === "http:" ? agents["http:"] : undefined;
    if (!agent) return reject(new TypeError(`fetch failed: unsupported protocol ${url.protocol}`));
    if (signal?.aborted) return reject(abortError(signal));
    send(agent);

    /**
     * `connection`: the pool's agent, or `false` for a connection of its own. An idle pooled
     * connection the server has just closed fails on reuse with ECONNRESET before any answer
     * (Node's agent drops such sockets by the server's Keep-Alive hint, but its timer runs late
     * when the event loop lags by seconds): the server never saw the request, so it is sent
     * once more at once, on a fresh connection, as Node's documentation advises.
     */
    function send(connection: http.Agent | false): void {
      const request = (url.protocol === "https:" ? https : http).request(url, { method, headers, agent: connection });
      const onAbort = () => request.destroy(abortError(signal as AbortSignal) as Error);
      signal?.addEventListener("abort", onAbort, { once: true });
      request.once("error", (error: NodeJS.ErrnoException) => {
        signal?.removeEventListener("abort", onAbort);
        if (connection && request.reusedSocket && error.code === "ECONNRESET" && !signal?.aborted) return send(false);
        // Like undici: a failure before the response is a TypeError whose cause says what happened.
        reject(signal?.aborted ? abortError(signal) : new TypeError("fetch failed", { cause: error }));
      });
      request.once("response", (incoming) => {
        body = undefined;
        incoming.once("close", () => signal?.removeEventListener("abort", onAbort));
        // Whoever reads the body listens for its errors; until then one must not crash the server
        // (an 'error' event nobody listens to is thrown). A reader still learns of it: the stream closes without 'end'.
        incoming.on("error", () => undefined);
        resolve(incoming);
      });
      request.end(body ?? undefined);
    }
  });
}

/** A Node response's headers as a Web Headers, in the order and case they came. */
export function headersOf(incoming: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (let index = 0; index < incoming.rawHeaders.length; index += 2) headers.append(incoming.rawHeaders[index] as string, incoming.rawHeaders[index + 1] as string);
  return headers;
}

/** Enough of `fetch` for the openai SDK: a string or bytes body, headers, a signal; errors shaped as undici's. */
export async function httpFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  const { body } = init;
  if (body !== undefined && body !== null && typeof body !== "string" && !(body instanceof Uint8Array)) {
    throw new TypeError("httpFetch sends string or byte bodies only");
  }
  const method = init.method ?? "GET";
  const incoming = await httpRequest(url, {
    method,
    // A plain record (the relay's, made once) goes as it is.
    headers: isHeaderRecord(init.headers) ? init.headers : Object.fromEntries(new Headers(init.headers)),
    body: body ?? undefined,
    signal: init.signal ?? undefined,
  });
  const status = incoming.statusCode ?? 0;
  const hasBody = responseHasBody(status, method);
  if (!hasBody) incoming.resume();
  const responseInit = { status, statusText: incoming.statusMessage, headers: headersOf(incoming) };
  return hasBody ? new NodeBodyResponse(incoming, responseInit) : new Response(null, responseInit);
}
