import http from "node:http";

/**
 * What Next itself costs, measured in the benchmark build beside the naive
 * route and ours (routed only there, like the naive one):
 *
 * - `fixedPost` (a Route Handler, /api/bench/fixed) and `fixedPages` (a Pages
 *   API route, /api/bench/fixed-pages): a fixed SSE body of 50 deltas in one
 *   string, no upstream: Next's own cost of one streaming request either way
 *   (routing, request and response objects, headers, the body to the socket).
 * - `passthroughPages` (a Pages API route, like ours): the upstream's bytes
 *   written to the client as they come, one write per upstream read, with
 *   no parsing, no events and none of the relay's duties: the least a relay
 *   in Next can cost per token. The benchmark's reader accepts the mock's own
 *   format, so its exactness and lag are measured as for the others.
 */
const encoder = new TextEncoder();
const fixedBody = encoder.encode(
  `${Array.from({ length: 50 }, (_, index) => `id: ${index}\nevent: delta\ndata: {"content":"token ${index} "}\n\n`).join("")}data: [DONE]\n\n`,
);
const sseHeaders = { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform" };

export function fixedPost(): Response {
  return new Response(fixedBody, { headers: sseHeaders });
}

export function fixedPages(request: http.IncomingMessage, response: http.ServerResponse): void {
  request.resume();
  response.writeHead(200, sseHeaders);
  response.end(fixedBody);
}

const agent = new http.Agent({ keepAlive: true });

export function passthroughPages(request: http.IncomingMessage, response: http.ServerResponse): void {
  const body: Buffer[] = [];
  request.on("data", (chunk: Buffer) => body.push(chunk));
  request.once("end", () => {
    const upstream = http.request(`${process.env.OPENAI_BASE_URL}/chat/completions`, { method: "POST", agent, headers: { "Content-Type": "application/json" } }, (incoming) => {
      response.writeHead(200, sseHeaders);
      incoming.on("data", (bytes: Buffer) => response.write(bytes));
      incoming.once("end", () => response.end());
      incoming.once("error", () => response.destroy());
    });
    upstream.once("error", () => response.destroy());
    response.once("close", () => upstream.destroy());
    upstream.end(Buffer.concat(body));
  });
}
