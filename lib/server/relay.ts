import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { ChatEvent, Usage } from "@/lib/chat/events";
import type { ChatRequest } from "@/lib/chat/schema";
import type { ChatProvider } from "@/lib/providers/provider";
import { readCompletionChunks } from "@/lib/providers/read-completion-chunks";
import { reasoningTextOf } from "@/lib/providers/reasoning-text";
import { ChatError } from "@/lib/server/chat-error";
import { FollowerPresence } from "@/lib/server/follower-presence";
import { recordOutcome, type OutcomeKind } from "@/lib/server/outcome";
import type { ServerConfig } from "@/lib/server/server-config";
import { upstreamErrorToChatError } from "@/lib/server/upstream-error";
import { upstreamParameters } from "@/lib/server/upstream-parameters";
import { withConnectRetry } from "@/lib/server/with-connect-retry";
import type { AnswerLog, LoggedEvent } from "@/lib/shared-state/answer-log";
import { doneText, encodeText, formatEvent, pingBytes } from "@/lib/sse/encode";

export interface RelayOptions {
  provider: ChatProvider;
  request: ChatRequest;
  /** The answer's id, sent in `start`. */
  id: string;
  model: string;
  /** Aborts when the client goes away; without it, the caller says so through the handle's `clientGone`. */
  clientSignal?: AbortSignal;
  /** Takes the listener to call when someone cancels the answer (`POST /api/chat/{id}/cancel`, on any instance): the registration's `onCancel`. */
  whenCancelled?: (listener: () => void) => void;
  config: Pick<ServerConfig, "heartbeatMs" | "firstTokenTimeoutMs" | "idleTimeoutMs">;
  /** Called once, when everything about the answer is over (frees its admission slot). */
  onEnd?: () => void;
  /** A resumable answer: its events go to `log` too, and it outlives its client by up to `graceMs` (protocol v1.1). */
  resume?: { log: AnswerLog; graceMs: number };
}

const timeoutError = () =>
  new ChatError("timeout", "The model stopped sending for too long, so the answer was ended. Try again.", { retryable: true });

const closedEarlyError = () =>
  new ChatError("upstream_unavailable", "The model's connection closed before the answer was complete. Try again.", {
    retryable: true,
  });

/** Where the relay's bytes go: the Node response itself (pages/api/chat.ts), or a ReadableStream in tests (lib/testing/relay-chat-stream.ts). */
export interface RelaySink {
  /** Bytes for the client, to be sent at once. */
  write(bytes: Uint8Array): void;
  /** The answer is over (or its client has gone): end the response, after `bytes` when given (one write for both). */
  end(bytes?: Uint8Array): void;
}

export interface RelayHandle {
  /** The client went away (a Web stream's reader cancelled, Node's response closed early). */
  clientGone(): void;
}

/**
 * Relays one upstream answer as protocol events: `start` at once, one `delta`
 * per upstream delta written the moment it arrives, `usage`, then `finish` or
 * `error`, then `[DONE]`. When the client goes away, the upstream request is
 * aborted at once; for a resumable answer, only once nobody has followed it
 * for the grace period (FollowerPresence). Exactly one outcome line is recorded.
 */
export function relayChat(options: RelayOptions, sink: RelaySink): RelayHandle {
  // What the closures below need, taken out of `options`: a closure keeps what it can see alive,
  // and through `options.request` that would be the whole conversation, for as long as the answer lasts.
  const { provider, id, model, clientSignal, whenCancelled, config, onEnd } = options;
  let parameters: ChatCompletionCreateParamsStreaming | undefined = upstreamParameters(options.request, provider, model, true);
  const startedAt = performance.now();
  const upstreamAbort = new AbortController();
  let open = true;
  let clientGone = false;
  /** The upstream was aborted because nobody listens any more (v1: the client left; resumable: the grace period passed). */
  let abandoned = false;
  let timedOut = false;
  let cancelled = false;
  let nextEventId = 0;
  let deltas = 0;
  let reasoningDeltas = 0;
  let firstDeltaMs: number | undefined;

  // Refreshed on every write; fires only after `heartbeatMs` of silence.
  const heartbeat = setTimeout(() => write(pingBytes), config.heartbeatMs);
  /** The upstream stayed silent past its limit: it is aborted, and the answer ends with `timeout`. */
  const timeOut = () => {
    timedOut = true;
    upstreamAbort.abort();
  };
  let watchdog = setTimeout(timeOut, config.firstTokenTimeoutMs);
  /** A delta or reasoning has come: from then on the shorter gap between tokens applies. */
  let tokenSeen = false;
  let idleLimit = false;

  function write(bytes: Uint8Array): void {
    if (!open) return;
    sink.write(bytes);
    heartbeat.refresh();
  }

  // Events are formatted into `pending` and leave together when what made
  // them is over (the start, one read of the upstream's body, the end): one
  // encoding and one socket write, however many tokens one read carried. The
  // last events leave with the end of the response, in the same write.
  // Nothing waits for a timer: a read's events are written before the next
  // read is even asked for.
  //
  // A resumable answer's events also go to its log, after the client's
  // write and off its path (the log never waits): one append per flush.
  let pending = "";
  let logged: LoggedEvent[] = [];
  const queue = (event: ChatEvent) => {
    const text = formatEvent(nextEventId, event);
    pending += text;
    if (log) logged.push({ id: nextEventId, text });
    nextEventId += 1;
  };
  function flush(): void {
    if (pending === "") return;
    const text = pending;
    pending = "";
    if (open) write(encodeText(text));
    appendToLog();
  }
  function appendToLog(): void {
    if (log && logged.length > 0) {
      const events = logged;
      logged = [];
      log.append(events);
    }
  }

  function abandon(): void {
    abandoned = true;
    upstreamAbort.abort();
  }
  const presence = options.resume ? new FollowerPresence(options.resume.graceMs, abandon) : undefined;
  const log = options.resume?.log.create(id, { onFollowerChange: (change) => presence?.change(change) });

  function onClientGone(): void {
    if (clientGone) return;
    clientGone = true;
    const wasOpen = open;
    open = false;
    if (presence) presence.change(-1);
    else abandon();
    if (wasOpen) sink.end();
  }
  clientSignal?.addEventListener("abort", onClientGone, { once: true });
  // Cancelled: the upstream stops at once, and whoever still reads gets `finish: cancelled`.
  // Once the answer is over its registration ends, and with it the listener.
  let over = false;
  whenCancelled?.(() => {
    if (over) return;
    cancelled = true;
    upstreamAbort.abort();
  });

  function onUpstreamRead(): void {
    flush();
    // Every read shows the upstream alive. Until its first token, the first-token limit applies, from the last
    // read: a reasoning model may send its first chunk (a role, a keep-alive comment) and then think silently.
    if (!tokenSeen || idleLimit) {
      watchdog.refresh();
      return;
    }
    idleLimit = true;
    clearTimeout(watchdog);
    watchdog = setTimeout(timeOut, config.idleTimeoutMs);
  }

  async function pump(): Promise<void> {
    let failure: ChatError | undefined;
    let finishReason: string | undefined;
    let usage: Usage | undefined;
    try {
      const response = await withConnectRetry(
        () => provider.openChatStream(parameters as ChatCompletionCreateParamsStreaming, upstreamAbort.signal),
        upstreamAbort.signal,
      );
      // Sent: the conversation need not stay in memory while the answer streams.
      parameters = undefined;
      await readCompletionChunks(response, upstreamAbort.signal, {
        onChunk(chunk) {
          const choice = chunk.choices[0];
          const reasoning = reasoningTextOf(choice?.delta);
          if (reasoning !== undefined) {
            tokenSeen = true;
            reasoningDeltas += 1;
            queue({ type: "reasoning", content: reasoning });
          }
          const content = choice?.delta?.content;
          if (content) {
            tokenSeen = true;
            firstDeltaMs ??= performance.now() - startedAt;
            deltas += 1;
            queue({ type: "delta", content });
          }
          if (choice?.finish_reason) finishReason = choice.finish_reason;
          if (chunk.usage) {
            const { prompt_tokens, completion_tokens, total_tokens } = chunk.usage;
            usage = { prompt_tokens, completion_tokens, total_tokens };
          }
        },
        onRead: onUpstreamRead,
      });
      // Reading ends quietly on an abort, so a cancel or a timeout shows only here.
      // A resumable answer nobody came back for ends, for anyone resuming it later, as cancelled.
      if (cancelled || (abandoned && log)) finishReason = "cancelled";
      else if (timedOut) failure = timeoutError();
      else if (!abandoned && finishReason === undefined) failure = closedEarlyError();
    } catch (error) {
      if (cancelled || (abandoned && log)) finishReason = "cancelled";
      else failure = timedOut ? timeoutError() : upstreamErrorToChatError(error);
    } finally {
      clearTimeout(heartbeat);
      clearTimeout(watchdog);
      presence?.stop();
      clientSignal?.removeEventListener("abort", onClientGone);
      over = true;
    }

    const wasOpen = open;
    open = false;
    if (wasOpen || log) {
      if (usage) queue({ type: "usage", ...usage });
      queue(failure ? failure.toEvent() : { type: "finish", finish_reason: finishReason ?? "stop" });
      pending += doneText;
      if (wasOpen) sink.end(encodeText(pending));
      pending = "";
      appendToLog();
      log?.end();
    }

    let outcome: OutcomeKind = "success";
    if (cancelled) outcome = "cancelled";
    // A reasoning model streams its reasoning first: a client that left during it left while streaming.
    else if (abandoned) outcome = deltas + reasoningDeltas > 0 ? "client_disconnected_while_streaming" : "client_disconnected_before_streaming";
    else if (failure) outcome = "error";
    recordOutcome({
      event: "chat.outcome",
      id,
      outcome,
      model,
      ms: Math.round(performance.now() - startedAt),
      ...(firstDeltaMs === undefined ? {} : { ttft_ms: Math.round(firstDeltaMs) }),
      deltas,
      ...(reasoningDeltas > 0 ? { reasoning_deltas: reasoningDeltas } : {}),
      ...(usage ? { usage } : {}),
      ...(failure && !abandoned && !cancelled ? { error: failure.code } : {}),
      ...(presence ? { resumes: presence.resumes } : {}),
    });
    onEnd?.();
  }

  if (clientSignal?.aborted) onClientGone();
  queue({ type: "start", id, model });
  flush();
  void pump();
  return { clientGone: onClientGone };
}
