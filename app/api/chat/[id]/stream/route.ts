import { guardApi } from "@/lib/server/access";
import { chatServer } from "@/lib/server/chat-server";
import { errorResponse, methodNotAllowed } from "@/lib/server/error-response";
import { followAnswer } from "@/lib/server/follow-answer";
import { resumePosition } from "@/lib/server/resume-position";
import { sseHeaders } from "@/lib/sse/encode";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// As long as an answer may stream (see pages/api/chat.ts).
export const maxDuration = 300;

/** Answer ids are 22 base64url characters; anything much longer is no id of ours. */
const longestId = 64;

/**
 * Resumes a resumable answer (protocol v1.1): the events after
 * `Last-Event-ID` (or `?after=N`), the same ids and bytes as the first time,
 * then the live ones, to `[DONE]`. 204 when the answer is unknown here,
 * expired, not resumable, or ended with nothing left to send: a browser's
 * EventSource stops reconnecting on a 204. Not counted by CHAT_RATE_LIMIT.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { config, shared } = chatServer();
  try {
    await guardApi(request);
    const { id } = await context.params;
    const after = resumePosition(request);
    const follower = id.length <= longestId ? await shared.answers.follow(id, after) : undefined;
    if (!follower) return new Response(null, { status: 204 });
    return new Response(followAnswer(follower, config.heartbeatMs, request.signal), { headers: sseHeaders });
  } catch (error) {
    return errorResponse(error);
  }
}

const allowed = ["GET"] as const;
export const POST = () => methodNotAllowed(allowed);
