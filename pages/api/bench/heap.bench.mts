// Routed only in benchmark builds (`STREAMCHAT_BENCH=1`, see next.config.ts): the heap after a full
// garbage collection, for the memory benchmark (bench/memory-bench.ts), whose server runs with --expose-gc.
import type { IncomingMessage, ServerResponse } from "node:http";

export default function heap(request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  const collectGarbage = (globalThis as { gc?: () => void }).gc;
  if (!collectGarbage) {
    response.writeHead(501, { "Content-Type": "text/plain" }).end("start the server with --expose-gc");
    return;
  }
  // Twice: what the first collection freed may hold the last references to more.
  collectGarbage();
  collectGarbage();
  response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(process.memoryUsage()));
}

export const config = { api: { bodyParser: false } };
