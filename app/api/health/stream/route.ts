import { healthStream } from "@/lib/server/health-stream";
import { sseHeaders } from "@/lib/sse/encode";

// A stream: the Node runtime, never cached or prerendered. It needs no model and no key.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Timed ticks, heartbeats and a UTF-8 probe, for the browser to tell whether this deployment really streams. */
export function GET(request: Request): Response {
  return new Response(healthStream({ signal: request.signal }), { headers: sseHeaders });
}
