import { guardApi } from "@/lib/server/access";
import { chatRequestSchema, describeSchemaError } from "@/lib/chat/schema";
import { providerFromEnvironment } from "@/lib/providers/provider-from-environment";
import { newAnswerId } from "@/lib/server/answer-id";
import { ChatError } from "@/lib/server/chat-error";
import { answerEnd } from "@/lib/server/answer-end";
import { chatServer } from "@/lib/server/chat-server";
import { completeChat } from "@/lib/server/complete-chat";
import { errorResponse } from "@/lib/server/error-response";
import type { IncomingRequest } from "@/lib/server/incoming-request";
import { readJsonBody } from "@/lib/server/read-json-body";
import { relayChat, type RelayHandle, type RelaySink } from "@/lib/server/relay";

/**
 * A whole response (an error, a non-streaming answer), or a streaming answer
 * to start on a sink, whose caller tells it through the handle when the
 * client has gone (the request's signal is not read for it).
 */
export type ChatReply = { response: Response } | { stream: (sink: RelaySink) => RelayHandle };

/**
 * `POST /api/chat` apart from how its bytes reach the socket: checks access,
 * reads and validates the body, takes an admission slot, then answers at once
 * (`stream: false`) or returns the relay to start. A bad request gets its 4xx,
 * a fault of ours a 500 that names nothing.
 */
export async function answerChat(request: IncomingRequest): Promise<ChatReply> {
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
    const answer = {
      provider,
      request: parsed.data,
      id,
      model: parsed.data.model ?? provider.defaultModel,
      // From here on the answer owns the slot and frees it when it ends.
      onEnd: answerEnd(release, cancellation),
    };
    if (!cancellation) return { response: await completeChat({ ...answer, clientSignal: request.signal, timeoutMs: config.completionTimeoutMs }) };
    // Known on every instance before its `start` event says its id (a Stop right after it must find it).
    await cancellation.known;
    const resume = parsed.data.resumable ? { log: shared.answers, graceMs: config.resumeGraceMs } : undefined;
    // On a new instance, a log is shared only once its connection is made.
    const connecting = resume?.log.connecting?.();
    if (connecting) await connecting;
    return { stream: (sink) => relayChat({ ...answer, config, whenCancelled: cancellation.onCancel, resume }, sink) };
  } catch (error) {
    return { response: errorResponse(error) };
  }
}
