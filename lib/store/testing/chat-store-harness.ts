import type { PersistStorage, StorageValue } from "zustand/middleware";
import type { ChatRequestInput } from "@/lib/chat/schema";
import type { AnswerSource, AnswerUpdate } from "@/lib/client/answer-stream";
import type { CompleteAnswer } from "@/lib/client/chat-stream";
import { ChatClientError } from "@/lib/client/chat-client-error";
import type { ModelsInfo } from "@/lib/client/api-client";
import { createChatStore, loadAnswerReading, type Message, type PersistedChat } from "@/lib/store/chat";
import { selectActiveMessageIds, selectAnsweringId } from "@/lib/store/chat-selectors";

// The page fetches the answer-reading chunk as it comes up, before a reader can send: the tests start with it
// loaded too (chat-answer-chunk.test.ts asks for an answer before it is).
await loadAnswerReading();

/*
 * Test support for lib/store: a chat store whose answers, frames, clock and ids
 * the test drives by hand (vercel/ai's controlled streams do the same), so
 * each step of an answer can be looked at on its own.
 */

/** Lets every pending promise callback run, so the store has taken in what was sent. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

type Step = { kind: "batch"; updates: AnswerUpdate[] } | { kind: "end" } | { kind: "fail"; error: unknown };

/** One streamed answer, fed by the test. Aborting its signal makes it throw the signal's AbortError, as lib/client does. */
export interface ScriptedAnswer {
  /** What was asked: a new answer (`request`, also given on its own), or one to read on. */
  source: AnswerSource;
  request: ChatRequestInput | undefined;
  signal: AbortSignal;
  /** Sends the events as one batch (as lib/client yields the events of one network read). */
  send(...events: AnswerUpdate[]): Promise<void>;
  /** Ends the stream after [DONE]. */
  end(): Promise<void>;
  fail(error: unknown): Promise<void>;
}

function scriptedAnswer(source: AnswerSource, signal: AbortSignal): { answer: ScriptedAnswer; events: AsyncIterable<AnswerUpdate[]> } {
  const steps: Step[] = [];
  let wake: (() => void) | undefined;
  signal.addEventListener("abort", () => wake?.(), { once: true });
  const add = async (...added: Step[]) => {
    steps.push(...added);
    wake?.();
    await settle();
  };
  async function* events(): AsyncGenerator<AnswerUpdate[]> {
    for (;;) {
      while (steps.length === 0 && !signal.aborted) await new Promise<void>((resolve) => (wake = resolve));
      signal.throwIfAborted();
      const step = steps.shift();
      if (!step || step.kind === "end") return;
      if (step.kind === "fail") throw step.error;
      yield step.updates;
    }
  }
  const answer: ScriptedAnswer = {
    source,
    request: "request" in source ? source.request : undefined,
    signal,
    send: (...sent) => add({ kind: "batch", updates: sent }),
    end: () => add({ kind: "end" }),
    fail: (error) => add({ kind: "fail", error }),
  };
  return { answer, events: events() };
}

/** One non-streamed answer, resolved or rejected by the test; rejects with the AbortError when aborted, as fetch does. */
export interface ScriptedCompletion {
  request: ChatRequestInput;
  signal: AbortSignal;
  resolve(answer: CompleteAnswer): Promise<void>;
  reject(error: unknown): Promise<void>;
}

/** Keeps what the store saves as JSON text, as localStorage would. */
export function memoryStorage(): PersistStorage<PersistedChat> {
  const saved = new Map<string, string>();
  return {
    getItem: (name) => {
      const text = saved.get(name);
      return text === undefined ? null : (JSON.parse(text) as StorageValue<PersistedChat>);
    },
    setItem: (name, value) => void saved.set(name, JSON.stringify(value)),
    removeItem: (name) => void saved.delete(name),
  };
}

export function createHarness(options: { storage?: PersistStorage<PersistedChat>; idPrefix?: string; images?: Record<string, string> | "unreadable" } = {}) {
  const answers: ScriptedAnswer[] = [];
  const completions: ScriptedCompletion[] = [];
  const frames: Array<() => void> = [];
  let time = 0;
  let lastId = 0;
  /** The fake server's access: the one right code, and whether this page holds a session. */
  const access = { code: "right-code", sessionOpen: true, models: { default: "model-a", models: [{ id: "model-a", label: "Model A" }], access: "codes" } as ModelsInfo };
  const refused = () => new ChatClientError("unauthorized", "This chat needs an access code.");
  /** The answer ids Stop asked the server to cancel. */
  const cancelled: string[] = [];
  const store = createChatStore({
    async cancelAnswer(answerId) {
      cancelled.push(answerId);
    },
    async fetchModels() {
      if (!access.sessionOpen) throw refused();
      return access.models;
    },
    async openSession(code) {
      if (code !== access.code) throw new ChatClientError("unauthorized", "That access code is not right.");
      access.sessionOpen = true;
    },
    async closeSession() {
      access.sessionOpen = false;
    },
    streamAnswer(source, { signal = new AbortController().signal }) {
      const { answer, events } = scriptedAnswer(source, signal);
      answers.push(answer);
      return events;
    },
    completeChat(request, { signal = new AbortController().signal }) {
      return new Promise<CompleteAnswer>((resolve, reject) => {
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
        completions.push({
          request,
          signal,
          resolve: async (answer) => (resolve(answer), settle()),
          reject: async (error) => (reject(error), settle()),
        });
      });
    },
    scheduleFrame: (callback) => void frames.push(callback),
    now: () => time,
    createId: () => `${options.idPrefix ?? "message"}-${++lastId}`,
    storage: options.storage,
    // The images questions refer to, by id (IndexedDB's in the browser); "unreadable": storage that fails.
    readImages: async (ids) => {
      const { images } = options;
      if (images === "unreadable") throw new DOMException("The database connection is closing.", "InvalidStateError");
      return new Map(ids.flatMap((id) => (images?.[id] === undefined ? [] : [[id, images[id]] as const])));
    },
  });
  return {
    store,
    access,
    cancelled,
    refused,
    answers,
    completions,
    state: () => store.getState(),
    /** The message at `index` in the conversation (negative counts from the end). */
    message(index: number): Message {
      const state = store.getState();
      const id = selectActiveMessageIds(state).at(index);
      const message = id === undefined ? undefined : state.messages[id];
      if (!message) throw new Error(`no message at ${index}`);
      return message;
    },
    /** The active conversation's message ids. */
    messageIds: () => selectActiveMessageIds(store.getState()),
    /** The assistant message being written in the active conversation. */
    answeringId: () => selectAnsweringId(store.getState()),
    pendingFrames: () => frames.length,
    /** Runs the frame callbacks scheduled so far, as the browser does before painting. */
    runFrame(): void {
      for (const callback of frames.splice(0)) callback();
    },
    setTime(milliseconds: number): void {
      time = milliseconds;
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;

/** Sends `question` and lets the answer come back whole as `reply`. */
export async function exchange(chat: Harness, question: string, reply: string): Promise<void> {
  const sending = chat.state().send(question);
  await settle();
  const answer = chat.answers.at(-1);
  await answer?.send({ type: "delta", content: reply }, { type: "finish", finish_reason: "stop" });
  await answer?.end();
  await sending;
}

/** Runs `action` (an edit, a regenerate) and lets its new answer come back whole as `reply`. */
export async function answerWith(chat: Harness, action: () => Promise<void>, reply: string): Promise<void> {
  const running = action();
  await settle();
  const answer = chat.answers.at(-1);
  await answer?.send({ type: "delta", content: reply }, { type: "finish", finish_reason: "stop" });
  await answer?.end();
  await running;
}
