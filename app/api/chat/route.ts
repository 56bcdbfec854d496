import { guardApi } from "@/lib/server/access";
import { chatRequestSchema, describeSchemaError } from "@/lib/chat/schema";
import { providerFromEnvironment } from "@/lib/providers/provider-from-environment";
import { newAnswerId } from "@/lib/server/answer-id";
import { ChatError } from "@/lib/server/chat-error";
import { chatServer } from "@/lib/server/chat-server";
import { completeChat } from "@/lib/server/complete-chat";
import { errorResponse, methodNotAllowed } from "@/lib/server/error-response";
import { keepAliveUntil } from "@/lib/server/keep-alive-until";
import { readJsonBody } from "@/lib/server/read-json-body";
import { relayChatStream } from "@/lib/server/relay";
import { sseHeaders } from "@/lib/sse/encode";

// Streams need the Node runtime and must never be cached or prerendered.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// Seconds an answer may take on Vercel. 300 is the most every plan allows
// with Fluid compute (Hobby's ceiling; Pro and Enterprise may raise it to 800).
// A longer answer is cut there: the page keeps what arrived and says so.
export const maxDuration = 300;

export async function POST(request: Request): Promise<Response> {
  const { config, admission, shared } = chatServer();
  try {
    const address = await guardApi(request);
    const parsed = chatRequestSchema.safeParse(await readJsonBody(request, config.maxBodyBytes));
    if (!parsed.success) throw new ChatError("invalid_request", describeSchemaError(parsed.error));
    const provider = providerFromEnvironment();
    const release = await admission.admit(address);
    const id = newAnswerId();
    // A streaming answer can be cancelled from any instance (POST /api/chat/{id}/cancel).
    const cancellation = parsed.data.stream ? shared.cancels.register(id) : undefined;
    let ended: () => void = () => undefined;
    keepAliveUntil(new Promise<void>((resolve) => (ended = resolve)));
    const answer = {
      provider,
      request: parsed.data,
      id,
      model: parsed.data.model ?? provider.defaultModel,
      clientSignal: request.signal,
      // From here on the answer owns the slot and frees it when it ends.
      onEnd: () => {
        cancellation?.end();
        release();
        ended();
      },
    };
    if (!cancellation) return await completeChat({ ...answer, timeoutMs: config.completionTimeoutMs });
    // Known on every instance before its `start` event says its id (a Stop right after it must find it).
    await cancellation.known;
    const resume = parsed.data.resumable ? { log: shared.answers, graceMs: config.resumeGraceMs } : undefined;
    const relayed = relayChatStream({ ...answer, config, cancelSignal: cancellation.signal, resume });
    return new Response(relayed, { headers: sseHeaders });
  } catch (error) {
    return errorResponse(error);
  }
}

const allowed = ["POST"] as const;
export const GET = () => methodNotAllowed(allowed);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
export const OPTIONS = () => new Response(null, { status: 204, headers: { Allow: "POST, OPTIONS" } });
