import { createStore } from "zustand/vanilla";
import { createJSONStorage, persist, type PersistStorage } from "zustand/middleware";
import type { ChatEvent } from "@/lib/chat/events";
import type { ChatRequestInput } from "@/lib/chat/schema";
import type { ChatClientOptions, CompleteAnswer } from "@/lib/client/chat-stream";
import { ChatClientError, isAbortError } from "@/lib/client/chat-client-error";
import { createAccessSlice, isAccessRefused, type AccessDependencies } from "@/lib/store/access-slice";
import { migrateChat, persistVersion, restoreChat, unreadableNotice } from "@/lib/store/chat-persistence";
import { historyOf, selectActiveConversation, selectAnsweringId, titleFrom } from "@/lib/store/chat-selectors";
import type { ChatState, Message, MessageError, MessageStatus, PersistedChat } from "@/lib/store/chat-types";
import {
  emptyConversation,
  withConversation,
  withConversationChanged,
  withMessageAdded,
  withMessagesTruncated,
  withoutConversation,
} from "@/lib/store/conversation-changes";

export type { ChatState, Conversation, ConversationSettings, Message, MessageError, MessageStatus, PersistedChat } from "@/lib/store/chat-types";

export interface ChatStoreDependencies extends AccessDependencies {
  streamChat(request: ChatRequestInput, options: ChatClientOptions): AsyncIterable<ChatEvent>;
  /** `POST /api/chat/{id}/cancel`: on hosts where a browser's abort never reaches the server, this is what stops the model. */
  cancelAnswer(answerId: string): Promise<void>;
  completeChat(request: ChatRequestInput, options: ChatClientOptions): Promise<CompleteAnswer>;
  /** Runs the callback before the next paint (`requestAnimationFrame` in the browser). */
  scheduleFrame(callback: () => void): void;
  /** A clock for durations (`performance.now()` in the browser). */
  now(): number;
  createId(): string;
  /** Where chats are kept across reloads; none in tests. */
  storage?: PersistStorage<PersistedChat>;
}

function toMessageError(error: unknown): MessageError {
  if (error instanceof ChatClientError) {
    return { code: error.code, message: error.message, retryable: error.retryable, retryAfterSeconds: error.retryAfterSeconds };
  }
  return { code: "internal", message: "Something went wrong in the page. Try again.", retryable: true };
}

const noStorage = createJSONStorage<PersistedChat>(() => ({ getItem: () => null, setItem: () => undefined, removeItem: () => undefined }));

/**
 * The chat's conversations and actions. Network code stays in `lib/client`
 * (passed in as dependencies); deltas that arrive within one frame are
 * applied in one `set`.
 */
export function createChatStore(dependencies: ChatStoreDependencies) {
  const controllers = new Map<string, AbortController>();
  const pendingDeltas = new Map<string, string[]>();
  const sentAt = new Map<string, number>();
  let frameScheduled = false;
  /** The conversation whose answer an access refusal stopped, to ask again once unlocked. */
  let interruptedByAccess: string | undefined;

  const store = createStore<ChatState>()(
    persist<ChatState, [], [], PersistedChat>(
      (set, get) => {
        const updateMessage = (id: string, change: Partial<Message>) =>
          set((state) => {
            const message = state.messages[id];
            return message ? { messages: { ...state.messages, [id]: { ...message, ...change } } } : state;
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
            const { content, model, finish_reason: finishReason, usage } = answer;
            updateMessage(assistantId, { content, model, finishReason, usage, firstTokenMs: dependencies.now() - started });
            return;
          }
          for await (const event of dependencies.streamChat(request, { signal })) {
            if (event.type === "delta") get().appendDelta(assistantId, event.content);
            else if (event.type === "start") updateMessage(assistantId, { model: event.model, answerId: event.id });
            else if (event.type === "usage") {
              const { prompt_tokens, completion_tokens, total_tokens } = event;
              updateMessage(assistantId, { usage: { prompt_tokens, completion_tokens, total_tokens } });
            } else if (event.type === "finish") updateMessage(assistantId, { finishReason: event.finish_reason });
            else if (event.type === "error") {
              throw new ChatClientError(event.code, event.message, { retryable: event.retryable, retryAfterSeconds: event.retry_after });
            }
          }
        }

        /** Adds an assistant message to the conversation and fills it with the answer to the conversation so far. */
        async function answer(conversationId: string): Promise<void> {
          const conversation = get().conversations[conversationId];
          if (!conversation) return;
          const { model, temperature } = conversation.settings;
          const request: ChatRequestInput = {
            messages: historyOf(conversation, get().messages),
            ...(model === undefined ? {} : { model }),
            ...(temperature === undefined ? {} : { temperature }),
          };
          const assistantId = dependencies.createId();
          const waiting: Message = { id: assistantId, role: "assistant", content: "", status: "waiting" };
          set((state) => ({ ...withMessageAdded(state, conversationId, waiting, Date.now()), answering: { ...state.answering, [conversationId]: assistantId } }));
          const controller = new AbortController();
          controllers.set(assistantId, controller);
          sentAt.set(assistantId, dependencies.now());
          let status: MessageStatus = "done";
          let error: MessageError | undefined;
          try {
            await runAnswer(assistantId, request, controller.signal);
          } catch (caught) {
            if (isAbortError(caught) || controller.signal.aborted) status = "stopped";
            else if (isAccessRefused(caught)) {
              // Not a failed answer but a locked door: the question stays, the form asks for the code, and it is sent again after.
              interruptedByAccess = conversationId;
              status = "stopped";
              set((state) => {
                const index = state.conversations[conversationId]?.messageIds.indexOf(assistantId) ?? -1;
                return { ...(index < 0 ? {} : withMessagesTruncated(state, conversationId, index)), accessRequired: true };
              });
            } else {
              status = "error";
              error = toMessageError(caught);
            }
          } finally {
            flushDeltas();
            controllers.delete(assistantId);
            const started = sentAt.get(assistantId);
            sentAt.delete(assistantId);
            updateMessage(assistantId, { status, ...(error ? { error } : {}), ...(started === undefined ? {} : { totalMs: dependencies.now() - started }) });
            set((state) => {
              const answering = { ...state.answering };
              if (answering[conversationId] === assistantId) delete answering[conversationId];
              return { answering };
            });
          }
        }

        function createConversation(): string {
          const conversation = emptyConversation(dependencies.createId(), Date.now());
          set((state) => ({ ...withConversation(state, conversation), activeConversationId: conversation.id }));
          return conversation.id;
        }

        /** The active conversation if it may take a new turn now (none is being answered). */
        function idleActiveConversation() {
          const conversation = selectActiveConversation(get());
          return conversation && get().answering[conversation.id] === undefined ? conversation : undefined;
        }

        function resendInterrupted(): void {
          const conversationId = interruptedByAccess;
          interruptedByAccess = undefined;
          const conversation = conversationId === undefined ? undefined : get().conversations[conversationId];
          const lastId = conversation?.messageIds.at(-1);
          if (!conversation || lastId === undefined || get().messages[lastId]?.role !== "user" || get().answering[conversation.id]) return;
          void answer(conversation.id);
        }

        return {
          ...createAccessSlice({ setState: set, getState: get }, dependencies, resendInterrupted),
          conversations: {},
          conversationIds: [],
          activeConversationId: undefined,
          messages: {},
          streamResponses: true,
          answering: {},
          notice: undefined,

          async send(text) {
            if (text.trim() === "") return;
            const conversation = selectActiveConversation(get());
            const conversationId = conversation?.id ?? createConversation();
            if (get().answering[conversationId] !== undefined) return;
            const userMessage: Message = { id: dependencies.createId(), role: "user", content: text, status: "done" };
            set((state) => {
              const current = state.conversations[conversationId];
              // The first message names the conversation, unless the reader already did.
              const naming = current?.messageIds.length === 0 && !current.titleEdited ? { title: titleFrom(text) } : {};
              return withMessageAdded(state, conversationId, userMessage, Date.now(), naming);
            });
            await answer(conversationId);
          },

          stop() {
            const id = selectAnsweringId(get());
            if (!id) return;
            // Cancel on the server first (the upstream stops there, whatever the host does with a dropped
            // connection), then drop this connection: what has arrived stays, and nothing more is shown.
            const answerId = get().messages[id]?.answerId;
            if (answerId) void dependencies.cancelAnswer(answerId).catch(() => undefined);
            controllers.get(id)?.abort();
          },

          async regenerate() {
            const conversation = idleActiveConversation();
            const lastId = conversation?.messageIds.at(-1);
            if (!conversation || lastId === undefined || get().messages[lastId]?.role !== "assistant") return;
            set((state) => withMessagesTruncated(state, conversation.id, conversation.messageIds.length - 1));
            await answer(conversation.id);
          },

          async editAndResend(messageId, text) {
            const conversation = idleActiveConversation();
            const index = conversation?.messageIds.indexOf(messageId) ?? -1;
            if (!conversation || index < 0 || get().messages[messageId]?.role !== "user" || text.trim() === "") return;
            set((state) => withMessagesTruncated(state, conversation.id, index + 1));
            updateMessage(messageId, { content: text });
            await answer(conversation.id);
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

          newConversation() {
            // An empty conversation is already a new one: no pile of empty chats.
            if (selectActiveConversation(get())?.messageIds.length === 0) return;
            createConversation();
          },

          selectConversation(conversationId) {
            if (get().conversations[conversationId]) set({ activeConversationId: conversationId });
          },

          renameConversation(conversationId, title) {
            const trimmed = title.trim();
            if (trimmed) set((state) => withConversationChanged(state, conversationId, { title: trimmed, titleEdited: true }));
          },

          deleteConversation(conversationId) {
            const answering = get().answering[conversationId];
            if (answering) controllers.get(answering)?.abort();
            set((state) => withoutConversation(state, conversationId));
          },

          updateSettings(settings) {
            const conversationId = selectActiveConversation(get())?.id ?? createConversation();
            set((state) => {
              const current = state.conversations[conversationId];
              return current ? withConversationChanged(state, conversationId, { settings: { ...current.settings, ...settings } }) : state;
            });
          },

          clearAll() {
            for (const controller of controllers.values()) controller.abort();
            set({ conversations: {}, conversationIds: [], activeConversationId: undefined, messages: {} });
          },

          dismissNotice() {
            set({ notice: undefined });
          },
        };
      },
      {
        name: "streamchat",
        version: persistVersion,
        storage: dependencies.storage ?? noStorage,
        skipHydration: true,
        partialize: ({ conversations, conversationIds, activeConversationId, messages, streamResponses }) => ({
          conversations,
          conversationIds,
          activeConversationId,
          messages,
          streamResponses,
        }),
        migrate: migrateChat,
        merge: (persisted, current) => {
          if (persisted === undefined) return current;
          const restored = restoreChat(persisted);
          return restored ? { ...current, ...restored } : { ...current, notice: unreadableNotice };
        },
        // Saved chats that could not be parsed or migrated: start afresh, and say so.
        onRehydrateStorage: () => (_state, error) => {
          if (error) store.setState({ notice: unreadableNotice });
        },
      },
    ),
  );
  return store;
}

export type ChatStore = ReturnType<typeof createChatStore>;
