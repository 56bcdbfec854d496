import { continueInstruction } from "@/lib/chat/continue-instruction";
import type { Usage } from "@/lib/chat/events";
import type { ChatRequestInput } from "@/lib/chat/schema";
import type { AnswerSource, AnswerUpdate } from "@/lib/client/answer-stream";
import { ChatClientError } from "@/lib/client/chat-client-error";
import type { ChatStoreDependencies } from "@/lib/store/chat";
import { versionsOf } from "@/lib/store/answer-versions";
import { inlineThinkingTimer } from "@/lib/store/inline-thinking-time";
import { continuationParts, inlineThinkingOf, thinkingRouter, type ThinkingRouter } from "@/lib/store/continued-thinking";
import { withImagesLoaded } from "@/lib/store/request-images";
import { readImages } from "@/lib/client/image-store";

// Versions and branches are switched by pure changes that live here, in this chunk, not in first-load JS.
export { withVersionShown } from "@/lib/store/answer-versions";
export { withBranchShown, withQuestionEdited } from "@/lib/store/question-branches";
import type { ChatState, Message } from "@/lib/store/chat-types";

/** What reading an answer needs of the store it writes into (`lib/store/chat.ts`). */
export interface AnswerReadingContext {
  get(): ChatState;
  updateMessage(id: string, change: Partial<Message>): void;
  /** Shows the text waiting for the next frame now. */
  flushDeltas(): void;
  /** The answer's `start` event named it: Stop may have been waiting for that. */
  named(assistantId: string, answerId: string): void;
  /** When each answer was asked for. */
  sentAt: ReadonlyMap<string, number>;
  dependencies: Pick<ChatStoreDependencies, "streamAnswer" | "completeChat" | "now" | "readImages">;
}

/*
 * Reading an answer into its message, a chunk of its own (loaded with the
 * stream client, which every answer waits for anyway): a first visit shows
 * the page without it.
 */

/** Takes in one update of a streamed answer other than its text; throws the protocol's `error` event. */
function applyUpdate(context: AnswerReadingContext, assistantId: string, update: Exclude<AnswerUpdate, { type: "delta" | "reasoning" }>): void {
  if (update.type === "reconnecting" || update.type === "resumed") {
    context.updateMessage(assistantId, { reconnecting: update.type === "reconnecting" });
    return;
  }
  // The text before this event goes first, so that its id is saved with all of it.
  context.flushDeltas();
  const seen = update.eventId === undefined ? {} : { lastEventId: update.eventId };
  if (update.type === "start") {
    context.updateMessage(assistantId, { model: update.model, answerId: update.id, ...seen });
    context.named(assistantId, update.id);
  } else if (update.type === "usage") {
    const { prompt_tokens, completion_tokens, total_tokens } = update;
    context.updateMessage(assistantId, { usage: { prompt_tokens, completion_tokens, total_tokens }, ...seen });
  } else if (update.type === "finish") context.updateMessage(assistantId, { finishReason: update.finish_reason, ...seen });
  else {
    context.updateMessage(assistantId, seen);
    throw new ChatClientError(update.code, update.message, { retryable: update.retryable, retryAfterSeconds: update.retry_after, reason: update.reason });
  }
}

/**
 * Takes in one batch of a streamed answer (the updates of one network
 * read), in order: its runs of deltas (or of reasoning) each in one
 * append. Stop while the batch is taken in (a `start` event that Stop was
 * waiting for) ends it there: nothing after is shown.
 */
function applyUpdates(context: AnswerReadingContext, assistantId: string, updates: readonly AnswerUpdate[], signal: AbortSignal): void {
  signal.throwIfAborted();
  let run: { into: "content" | "reasoning"; text: string; eventId?: string } | undefined;
  // Runs are appended in order, so that the event id saved with the text is always the last one taken in.
  const endRun = () => {
    if (run) context.get().appendDelta(assistantId, run.text, run.eventId, run.into);
    run = undefined;
  };
  for (const update of updates) {
    if (update.type === "delta" || update.type === "reasoning") {
      const into = update.type === "delta" ? "content" : "reasoning";
      if (run?.into !== into) endRun();
      run ??= { into, text: "" };
      run.text += update.content;
      run.eventId = update.eventId ?? run.eventId;
      continue;
    }
    endRun();
    applyUpdate(context, assistantId, update);
    signal.throwIfAborted();
  }
  endRun();
}

/**
 * Reads a streamed answer (new or resumed) into the assistant message; `router`: a continuation's, taking its
 * `<think>` text to the reasoning; `restart`: called before the first read is taken in (a continuation read again
 * from its start puts the answer back as it was before it; until then, what the message holds stays).
 */
export async function readAnswer(
  context: AnswerReadingContext,
  assistantId: string,
  source: AnswerSource,
  signal: AbortSignal,
  router?: ThinkingRouter,
  restart?: () => void,
): Promise<void> {
  const timeThinking = inlineThinkingTimer(context, assistantId);
  let beforeFirstRead = restart;
  for await (const read of context.dependencies.streamAnswer(source, { signal })) {
    beforeFirstRead?.();
    beforeFirstRead = undefined;
    const updates = router ? router.route(read) : read;
    applyUpdates(context, assistantId, updates, signal);
    timeThinking(updates);
  }
  const held = router?.end();
  if (held?.reasoning) context.get().appendDelta(assistantId, held.reasoning, undefined, "reasoning");
  if (held?.answer) context.get().appendDelta(assistantId, held.answer);
}

/**
 * Reads on an answer that is open but not read in this tab (after a reload,
 * or one another tab is writing) from where its saved copy ends; a
 * continuation from its start (`Message.continuation`).
 */
export async function resumeAnswer(context: AnswerReadingContext, assistantId: string, source: AnswerSource & { answerId: string }, signal: AbortSignal): Promise<void> {
  const message = context.get().messages[assistantId];
  const continuation = message?.continuation;
  if (!message || !continuation) return readAnswer(context, assistantId, source, signal);
  const before = {
    content: message.content.slice(0, continuation.contentLength),
    reasoning: continuation.reasoningLength === undefined ? undefined : (message.reasoning ?? "").slice(0, continuation.reasoningLength),
  };
  await readContinuation(context, assistantId, before, continuation.usageBefore, (reasoningBefore) =>
    readAnswer(context, assistantId, { ...source, lastEventId: undefined }, signal, thinkingRouter(), () =>
      context.updateMessage(assistantId, { content: before.content, reasoning: reasoningBefore, lastEventId: undefined }),
    ),
  );
}

/**
 * The request with the images its questions refer to, read from where they
 * are kept, as many as the server takes (its `max_body_bytes`). Storage
 * that cannot be read is as good as empty: each image is then named in the
 * text as no longer there (as its question shows it), rather than the
 * question failing.
 */
function withImages(context: AnswerReadingContext, request: ChatRequestInput): Promise<ChatRequestInput> {
  const read = context.dependencies.readImages ?? readImages;
  return withImagesLoaded(request, (ids) => read(ids).catch(() => new Map<string, string>()), context.get().models?.max_body_bytes);
}

/**
 * Asks for a new answer, streamed or (with streaming off) whole, into the
 * assistant message; `replaced`: the answer it regenerates, whose versions
 * (itself included) it keeps as its own earlier ones.
 */
export async function runAnswer(context: AnswerReadingContext, assistantId: string, asked: ChatRequestInput, signal: AbortSignal, replaced?: Message): Promise<void> {
  const { dependencies } = context;
  const request = await withImages(context, asked);
  // An answer that failed before any text (what "Try again" replaces) is nothing to go back to.
  const kept = replaced ? versionsOf(replaced).filter((version) => version.content !== "" || version.reasoning !== undefined) : [];
  if (kept.length > 0) context.updateMessage(assistantId, { versions: kept });
  if (!context.get().streamResponses) {
    const answer = await dependencies.completeChat(request, { signal });
    const started = context.sentAt.get(assistantId) ?? dependencies.now();
    const { content, reasoning, model, finish_reason: finishReason, usage } = answer;
    context.updateMessage(assistantId, {
      content,
      ...(typeof reasoning === "string" && reasoning !== "" ? { reasoning } : {}),
      model,
      finishReason,
      usage,
      firstTokenMs: dependencies.now() - started,
    });
    return;
  }
  await readAnswer(context, assistantId, { request }, signal);
}

/** The answer before a continuation, as it stood then. */
interface BeforeContinuation {
  content: string;
  reasoning: string | undefined;
}

/**
 * Runs `read`, a continuation of the answer `before`, and settles what it
 * leaves: reasoning it writes again goes after the first run's, a paragraph
 * apart (`read` is given the reasoning with that paragraph's break; taken
 * back if none comes); its tokens are both runs' (none unless both were
 * counted: a stopped run's never are). It is no longer a continuation after.
 */
async function readContinuation(
  context: AnswerReadingContext,
  id: string,
  before: BeforeContinuation,
  usageBefore: Usage | undefined,
  read: (reasoningBefore: string | undefined) => Promise<void>,
): Promise<void> {
  const reasoningBefore = before.reasoning ? `${before.reasoning}\n\n` : before.reasoning;
  try {
    await read(reasoningBefore);
  } finally {
    // What is still waiting for a frame first: the reasoning it brought decides what to take back.
    context.flushDeltas();
    const { usage, reasoning } = context.get().messages[id] ?? {};
    context.updateMessage(id, {
      usage: usage && usageBefore ? sumOfUsage(usageBefore, usage) : undefined,
      reasoning: reasoning === reasoningBefore ? before.reasoning : reasoning,
      continuation: undefined,
    });
  }
}

/**
 * Asks the model to go on with `message`, an answer that ended early, and
 * adds what it writes to it (`request`: the conversation with that answer
 * last). Its time to first token stays the first run's. Its earlier resume
 * position goes: a reload now resumes the new run, from its start.
 */
export async function continueAnswer(context: AnswerReadingContext, message: Message, request: ChatRequestInput, signal: AbortSignal): Promise<void> {
  const { id } = message;
  // An answer whose reasoning is between <think> tags in its text is held apart from now on (lib/store/continued-thinking.ts).
  const inline = inlineThinkingOf(message.content, message.reasoning);
  const before: BeforeContinuation = inline ?? { content: message.content, reasoning: message.reasoning };
  const streaming = context.get().streamResponses;
  await readContinuation(context, id, before, message.usage, async (reasoningBefore) => {
    context.updateMessage(id, {
      status: "streaming",
      content: before.content,
      reasoning: reasoningBefore,
      finishReason: undefined,
      error: undefined,
      usage: undefined,
      answerId: undefined,
      lastEventId: undefined,
      continuation: streaming
        ? { contentLength: before.content.length, reasoningLength: before.reasoning?.length, ...(message.usage ? { usageBefore: message.usage } : {}) }
        : undefined,
    });
    const withTheImages = await withImages(context, request);
    const continuation: ChatRequestInput = { ...withTheImages, messages: [...withTheImages.messages, { role: "user", content: continueInstruction }] };
    if (streaming) await readAnswer(context, id, { request: continuation }, signal, thinkingRouter());
    else {
      const { content, reasoning, model, finish_reason: finishReason, usage } = await context.dependencies.completeChat(continuation, { signal });
      const parts = continuationParts(content);
      const thought = parts.reasoning || (typeof reasoning === "string" ? reasoning : "");
      context.updateMessage(id, { content: before.content + parts.answer, reasoning: thought === "" ? reasoningBefore : (reasoningBefore ?? "") + thought, model, finishReason, usage });
    }
  });
}

function sumOfUsage(first: Usage, second: Usage): Usage {
  return {
    prompt_tokens: first.prompt_tokens + second.prompt_tokens,
    completion_tokens: first.completion_tokens + second.completion_tokens,
    total_tokens: first.total_tokens + second.total_tokens,
  };
}
