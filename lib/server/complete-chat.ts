import type { Usage } from "@/lib/chat/events";
import { reasoningTextOf } from "@/lib/providers/reasoning-text";
import type { RelayOptions } from "@/lib/server/relay";
import { recordOutcome } from "@/lib/server/outcome";
import { upstreamErrorToChatError } from "@/lib/server/upstream-error";
import { upstreamParameters } from "@/lib/server/upstream-parameters";
import { withConnectRetry } from "@/lib/server/with-connect-retry";

type CompleteOptions = Omit<RelayOptions, "config" | "clientSignal"> & {
  /** Aborts when the client goes away. */
  clientSignal: AbortSignal;
  timeoutMs: number;
};

/** The non-streaming answer (`stream: false`): one JSON body once the model has finished. */
export async function completeChat(options: CompleteOptions): Promise<Response> {
  const { provider, request, id, model, clientSignal } = options;
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  try {
    const parameters = upstreamParameters(request, provider, model, false);
    const completion = await withConnectRetry(
      () => provider.client.chat.completions.create(parameters, { signal: clientSignal, timeout: options.timeoutMs }),
      clientSignal,
    );
    const choice = completion.choices[0];
    const content = choice?.message.content ?? "";
    const reasoning = reasoningTextOf(choice?.message);
    const usage: Usage | undefined = completion.usage && {
      prompt_tokens: completion.usage.prompt_tokens,
      completion_tokens: completion.usage.completion_tokens,
      total_tokens: completion.usage.total_tokens,
    };
    const finishReason = choice?.finish_reason ?? "stop";
    const ms = elapsed();
    recordOutcome({ event: "chat.outcome", id, outcome: "success", model, ms, ttft_ms: ms, deltas: content ? 1 : 0, ...(usage ? { usage } : {}) });
    // `reasoning`, added to the protocol: what a reasoning model wrote before its answer, when its server sends it.
    return Response.json({ id, model, content, ...(reasoning === undefined ? {} : { reasoning }), finish_reason: finishReason, ...(usage ? { usage } : {}) });
  } catch (error) {
    if (clientSignal.aborted) {
      recordOutcome({ event: "chat.outcome", id, outcome: "client_disconnected_before_streaming", model, ms: elapsed(), deltas: 0 });
      // Nobody reads this; the client has gone.
      return new Response(null, { status: 204 });
    }
    const failure = upstreamErrorToChatError(error);
    recordOutcome({ event: "chat.outcome", id, outcome: "error", model, ms: elapsed(), deltas: 0, error: failure.code });
    return failure.toResponse();
  } finally {
    options.onEnd?.();
  }
}
