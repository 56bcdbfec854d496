import { createStore } from "zustand/vanilla";
import { createJSONStorage, persist, type PersistStorage } from "zustand/middleware";
import type { ChatEvent, Usage } from "@/lib/chat/events";
import type { ChatMessage, ChatRequestInput, ChatRole } from "@/lib/chat/schema";
import type { ChatClientOptions, CompleteAnswer } from "@/lib/client/chat-stream";
import { ChatClientError, isAbortError } from "@/lib/client/chat-client-error";

export type MessageStatus = "waiting" | "streaming" | "done" | "stopped" | "error";

export interface MessageError {
  code: string;
  message: string;
  retryable: boolean;
  retryAfterSeconds?: number;
}

export interface Message {
  id: string;
  role: ChatRole;
  content: string;
  status: MessageStatus;
  model?: string;
  finishReason?: string;
  usage?: Usage;
  error?: MessageError;
  /** Milliseconds from Send to the first text on screen, and to the end. */
  firstTokenMs?: number;
  totalMs?: number;
}

export interface ChatState {
  messageIds: string[];
  messages: Record<string, Message>;
  streamResponses: boolean;
  /** The assistant message being written, if any. */
  activeMessageId: string | undefined;
  send(text: string): Promise<void>;
  /** Replaces the last answer with a new one (also how a failed answer is retried). */
  regenerate(): Promise<void>;
  stop(): void;
  appendDelta(messageId: string, content: string): void;
  setStreamResponses(streamResponses: boolean): void;
  clear(): void;
}

export interface ChatStoreDependencies {
  streamChat(request: ChatRequestInput, options: ChatClientOptions): AsyncIterable<ChatEvent>;
  completeChat(request: ChatRequestInput, options: ChatClientOptions): Promise<CompleteAnswer>;
  /** Runs the callback before the next paint (`requestAnimationFrame` in the browser). */
  scheduleFrame(callback: () => void): void;
  now(): number;
  createId(): string;
  /** Where the conversation is kept across reloads; none in tests. */
  storage?: PersistStorage<PersistedChat>;
}

export type PersistedChat = Pick<ChatState, "messageIds" | "messages" | "streamResponses">;

const persistVersion = 1;

function toMessageError(error: unknown): MessageError {
  if (error instanceof ChatClientError) {
    return { code: error.code, message: error.message, retryable: error.retryable, retryAfterSeconds: error.retryAfterSeconds };
  }
  return { code: "internal", message: "Something went wrong in the page. Try again.", retryable: true };
}

/** The conversation as the model gets it: every turn with text, in order (a stopped answer's part included). */
function historyOf(state: Pick<ChatState, "messageIds" | "messages">): ChatMessage[] {
  return state.messageIds
    .map((id) => state.messages[id])
    .filter((message): message is Message => message !== undefined && message.content !== "")
    .map(({ role, content }) => ({ role, content }));
}

/**
 * The chat's state and actions. Network code stays in `lib/client` (passed in
 * as dependencies); deltas that arrive within one frame are applied in one `set`.
 */
export function createChatStore(dependencies: ChatStoreDependencies) {
  const controllers = new Map<string, AbortController>();
  const pendingDeltas = new Map<string, string[]>();
  const sentAt = new Map<string, number>();
  let frameScheduled = false;

  return createStore<ChatState>()(
    persist<ChatState, [], [], PersistedChat>(
      (set, get) => {
        const update = (id: string, change: Partial<Message> | ((message: Message) => Partial<Message>)) =>
          set((state) => {
            const message = state.messages[id];
            if (!message) return state;
            const next = typeof change === "function" ? change(message) : change;
            return { messages: { ...state.messages, [id]: { ...message, ...next } } };
          });

        function flushDeltas(): void {
          frameScheduled = false;
          if (pendingDeltas.size === 0) return;
          const batches = [...pendingDeltas];
          pendingDeltas.clear();
          const now = dependencies.now();
          set((state) => {
            const messages = { ...state.messages };
            for (const [id, pieces] of batches) {
              const message = messages[id];
              if (!message) continue;
              const started = sentAt.get(id);
              messages[id] = {
                ...message,
                content: message.content + pieces.join(""),
                status: message.status === "waiting" ? "streaming" : message.status,
                firstTokenMs: message.firstTokenMs ?? (started === undefined ? undefined : now - started),
              };
            }
            return { messages };
          });
        }

        async function runAnswer(assistantId: string, request: ChatRequestInput, signal: AbortSignal): Promise<void> {
          if (!get().streamResponses) {
            const answer = await dependencies.completeChat(request, { signal });
            const started = sentAt.get(assistantId) ?? dependencies.now();
            update(assistantId, {
              content: answer.content,
              model: answer.model,
              finishReason: answer.finish_reason,
              usage: answer.usage,
              firstTokenMs: dependencies.now() - started,
            });
            return;
          }
          for await (const event of dependencies.streamChat(request, { signal })) {
            if (event.type === "delta") get().appendDelta(assistantId, event.content);
            else if (event.type === "start") update(assistantId, { model: event.model });
            else if (event.type === "usage") update(assistantId, { usage: { prompt_tokens: event.prompt_tokens, completion_tokens: event.completion_tokens, total_tokens: event.total_tokens } });
            else if (event.type === "finish") update(assistantId, { finishReason: event.finish_reason });
            else if (event.type === "error") {
              throw new ChatClientError(event.code, event.message, { retryable: event.retryable, retryAfterSeconds: event.retry_after });
            }
          }
        }

        /** Adds an assistant message and fills it with the answer to the conversation so far. */
        async function answer(): Promise<void> {
          const assistantId = dependencies.createId();
          const request: ChatRequestInput = { messages: historyOf(get()) };
          set((state) => ({
            messageIds: [...state.messageIds, assistantId],
            messages: { ...state.messages, [assistantId]: { id: assistantId, role: "assistant", content: "", status: "waiting" } },
            activeMessageId: assistantId,
          }));
          const controller = new AbortController();
          controllers.set(assistantId, controller);
          sentAt.set(assistantId, dependencies.now());
          let status: MessageStatus = "done";
          let error: MessageError | undefined;
          try {
            await runAnswer(assistantId, request, controller.signal);
          } catch (caught) {
            if (isAbortError(caught) || controller.signal.aborted) status = "stopped";
            else {
              status = "error";
              error = toMessageError(caught);
            }
          } finally {
            flushDeltas();
            controllers.delete(assistantId);
            const started = sentAt.get(assistantId);
            sentAt.delete(assistantId);
            update(assistantId, {
              status,
              ...(error ? { error } : {}),
              ...(started === undefined ? {} : { totalMs: dependencies.now() - started }),
            });
            set({ activeMessageId: undefined });
          }
        }

        return {
          messageIds: [],
          messages: {},
          streamResponses: true,
          activeMessageId: undefined,

          async send(text) {
            if (get().activeMessageId !== undefined || text.trim() === "") return;
            const userMessage: Message = { id: dependencies.createId(), role: "user", content: text, status: "done" };
            set((state) => ({
              messageIds: [...state.messageIds, userMessage.id],
              messages: { ...state.messages, [userMessage.id]: userMessage },
            }));
            await answer();
          },

          async regenerate() {
            const { activeMessageId, messageIds, messages } = get();
            const lastId = messageIds.at(-1);
            if (activeMessageId !== undefined || !lastId || messages[lastId]?.role !== "assistant") return;
            set((state) => {
              const rest = { ...state.messages };
              delete rest[lastId];
              return { messageIds: state.messageIds.slice(0, -1), messages: rest };
            });
            await answer();
          },

          stop() {
            const id = get().activeMessageId;
            if (id) controllers.get(id)?.abort();
          },

          appendDelta(messageId, content) {
            const pieces = pendingDeltas.get(messageId);
            if (pieces) pieces.push(content);
            else pendingDeltas.set(messageId, [content]);
            if (!frameScheduled) {
              frameScheduled = true;
              dependencies.scheduleFrame(flushDeltas);
            }
          },

          setStreamResponses(streamResponses) {
            set({ streamResponses });
          },

          clear() {
            get().stop();
            set({ messageIds: [], messages: {} });
          },
        };
      },
      {
        name: "streamchat",
        version: persistVersion,
        storage: dependencies.storage ?? createJSONStorage<PersistedChat>(() => ({ getItem: () => null, setItem: () => undefined, removeItem: () => undefined })),
        skipHydration: true,
        partialize: ({ messageIds, messages, streamResponses }) => ({ messageIds, messages, streamResponses }),
        // An answer cut off by a reload is kept as it was, marked as stopped.
        merge: (persisted, current) => {
          const saved = persisted as Partial<PersistedChat> | undefined;
          if (!saved?.messageIds || !saved.messages) return current;
          const messages: Record<string, Message> = {};
          for (const id of saved.messageIds) {
            const message = saved.messages[id];
            if (!message) continue;
            messages[id] = message.status === "waiting" || message.status === "streaming" ? { ...message, status: "stopped" } : message;
          }
          return { ...current, messageIds: saved.messageIds.filter((id) => messages[id]), messages, streamResponses: saved.streamResponses ?? true };
        },
      },
    ),
  );
}

export type ChatStore = ReturnType<typeof createChatStore>;
