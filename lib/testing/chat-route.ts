import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { headersOf, responseHasBody } from "@/lib/providers/http-fetch";
import { handleChat } from "@/lib/server/chat-handler";

/**
 * `/api/chat` for unit tests, met the way a client meets it: the route's
 * Node handler (pages/api/chat.ts) served on a loopback port, each Web
 * Request sent to it over HTTP (its Host kept) and the answer read back as a
 * Web Response. A module of its own state: import it after
 * `vi.resetModules()` to get a fresh server with fresh counters.
 */
let origin: Promise<string> | undefined;

function serve(): Promise<string> {
  origin ??= new Promise((resolve) => {
    const server = http.createServer((request, response) => void handleChat(request, response));
    server.listen(0, "127.0.0.1", () => {
      // Nothing waits for it to close: it ends with the test run.
      server.unref();
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
  return origin;
}

/** Sends `request` to the route; its signal aborting closes the connection, as a browser's would. */
export async function send(request: Request): Promise<Response> {
  const base = await serve();
  const url = new URL(request.url);
  const headers = { ...Object.fromEntries(request.headers), host: url.host };
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      `${base}${url.pathname}${url.search}`,
      { method: request.method, headers, agent: false, signal: request.signal },
      (incoming) => {
        const status = incoming.statusCode ?? 0;
        const hasBody = responseHasBody(status, request.method);
        if (!hasBody) incoming.resume();
        const responseBody = hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : null;
        resolve(new Response(responseBody, { status, headers: headersOf(incoming) }));
      },
    );
    outgoing.once("error", reject);
    // Streamed as it comes, so that a body that never ends can be refused.
    if (request.body) Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>).pipe(outgoing);
    else outgoing.end();
  });
}

export const POST = send;
export const OPTIONS = () => send(new Request("http://localhost/api/chat", { method: "OPTIONS" }));
