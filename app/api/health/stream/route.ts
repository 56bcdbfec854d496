import { guardApi } from "@/lib/server/access";
import { errorResponse } from "@/lib/server/error-response";
import { healthStream } from "@/lib/server/health-stream";
import { sseHeaders } from "@/lib/sse/encode";

// A stream: the Node runtime, never cached or prerendered. It needs no model and no key,
// but it is an /api route like the others: with access codes set, it needs access too.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// About three seconds of ticks; far below every plan's limit.
export const maxDuration = 30;

/** Timed ticks, heartbeats and a UTF-8 probe, for the browser to tell whether this deployment really streams. */
export async function GET(request: Request): Promise<Response> {
  try {
    await guardApi(request);
    return new Response(healthStream({ signal: request.signal }), { headers: sseHeaders });
  } catch (error) {
    return errorResponse(error);
  }
}
