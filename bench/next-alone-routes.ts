import http from "node:http";

/**
 * What Next itself costs, measured in the benchmark build beside the naive
 * route and ours (routed only there, like the naive one):
 *
 * - `fixedPost`: a fixed SSE body of 50 deltas in one string, no upstream:
 *   Next's own cost of one streaming request (routing, Request and Response
 *   objects, headers, the body's pipe to the socket).
 * - `passthroughPost`: the upstream's bytes piped to the client as they
 *   come, one enqueue per upstream read, with no parsing, no events and none
 *   of the relay's duties: the least any relay running inside a Next route
 *   handler can cost per token. The benchmark's reader accepts the mock's
 *   own format, so its exactness and lag are measured as for the others.
 */
const encoder = new TextEncoder();
const fixedBody = encoder.encode(
  `${Array.from({ length: 50 }, (_, index) => `id: ${index}\nevent: delta\ndata: {"content":"token ${index} "}\n\n`).join("")}data: [DONE]\n\n`,
);
const sseHeaders = { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform" };

export function fixedPost(): Response {
  return new Response(fixedBody, { headers: sseHeaders });
}

const agent = new http.Agent({ keepAlive: true });

export async function passthroughPost(request: Request): Promise<Response> {
  const body = await request.text();
  const upstreamUrl = `${process.env.OPENAI_BASE_URL}/chat/completions`;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const upstream = http.request(upstreamUrl, { method: "POST", agent, headers: { "Content-Type": "application/json" } }, (incoming) => {
        incoming.on("data", (bytes: Buffer) => controller.enqueue(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
        incoming.once("end", () => controller.close());
        incoming.once("error", (error) => controller.error(error));
      });
      upstream.once("error", (error) => controller.error(error));
      request.signal.addEventListener("abort", () => upstream.destroy(), { once: true });
      upstream.end(body);
    },
  });
  return new Response(stream, { headers: sseHeaders });
}
