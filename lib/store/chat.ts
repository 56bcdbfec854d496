import { createStore } from "zustand/vanilla";
import { persist, type PersistStorage, type StorageValue } from "zustand/middleware";
import type { ChatRequestInput } from "@/lib/chat/schema";
import type { AnswerSource, AnswerUpdate } from "@/lib/client/answer-stream";
import type { AnswerReadingContext } from "@/lib/store/answer-reading";
import type { ChatClientOptions, CompleteAnswer } from "@/lib/client/chat-stream";
import { ChatClientError, isAbortError } from "@/lib/client/chat-client-error";
import { createAccessSlice, isAccessRefused, type AccessDependencies } from "@/lib/store/access-slice";
import { fullNotice, isOpen, notLoadedNotice, persistVersion, savedChatsKey, savedPart, streamResponsesByDefault, unreadableNotice } from "@/lib/store/chat-persistence";
import { historyOf, selectActiveConversation, selectAnsweringId, titleFrom } from "@/lib/store/chat-selectors";
import type { ChatState, Conversation, Message, MessageError, MessageStatus, PersistedChat } from "@/lib/store/chat-types";
import type { ReadImages } from "@/lib/store/request-images";
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
  /** A resumable answer, new (`request`) or one to read on (`answerId`), to its end: lib/client's `streamAnswer`. */
  streamAnswer(source: AnswerSource, options: { signal?: AbortSignal }): AsyncIterable<AnswerUpdate[]>;
  /** `POST /api/chat/{id}/cancel`: on hosts where a browser's abort never reaches the server, this is what stops the model. */
  cancelAnswer(answerId: string): Promise<void>;
  completeChat(request: ChatRequestInput, options: ChatClientOptions): Promise<CompleteAnswer>;
  /** Runs the callback before the next paint (`requestAnimationFrame` in the browser). */
  scheduleFrame(callback: () => void): void;
  /** A clock for durations (`performance.now()` in the browser). */
  now(): number;
  createId(): string;
  /** The images questions refer to, by id (lib/store/request-images.ts); IndexedDB's (lib/client/image-store.ts) when not given. */
  readImages?: ReadImages;
  /** Where chats are kept across reloads; none in tests. `flush` writes what is pending at once. */
  storage?: PersistStorage<PersistedChat> & { flush?(): void; hasPending?(): boolean };
}

function toMessageError(error: unknown): MessageError {
  if (error instanceof ChatClientError) {
    return { code: error.code, message: error.message, retryable: error.retryable, retryAfterSeconds: error.retryAfterSeconds, reason: error.reason };
  }
  // Not the server's `internal`: a fault of the page itself, which the page says in its own words.
  return { code: "page_error", message: "Something went wrong in the page. Try again.", retryable: true };
}

type AnswerReading = typeof import("@/lib/store/answer-reading");
let answerReading: AnswerReading | undefined;

/**
 * Reading an answer into its message is a chunk of its own: the page asks for
 * it as soon as it is up, with the stream client, which every answer waits
 * for anyway.
 */
export async function loadAnswerReading(): Promise<AnswerReading> {
  answerReading ??= await import("@/lib/store/answer-reading");
  return answerReading;
}

type SavedChatReader = typeof import("@/lib/store/restore-chat");
let savedChatReader: SavedChatReader | undefined;

/**
 * Reading saved chats is a chunk of its own (a first visit has none to read):
 * loaded before a saved value reaches `merge`. The page starts it while it
 * hydrates when storage holds saved chats, so it is there when they are read.
 */
export async function loadSavedChatReader(): Promise<SavedChatReader> {
  savedChatReader ??= await import("@/lib/store/restore-chat");
  return savedChatReader;
}

function loadedSavedChatReader(): SavedChatReader {
  if (!savedChatReader) throw new Error("saved chats were read before their reader was loaded");
  return savedChatReader;
}

type ChatStorage = NonNullable<ChatStoreDependencies["storage"]>;

/**
 * The storage, with the saved chats' reader loaded before a saved value is
 * handed on (`merge` is synchronous). With nothing saved, or the reader
 * already loaded, it is as synchronous as the storage itself. From a read
 * until it is taken in (`readTakenIn`) nothing is written: this tab's state
 * is then from before the read, and saved it would put back what another tab
 * changed, even take a conversation that tab is answering in for one deleted
 * here. A write asked for meanwhile is held back (`hasPending` says so), for
 * the state once the read is taken in to be saved instead, and another read
 * waits for it (`whenRead`). Should the reader fail to load, nothing is
 * written after, nor another tab's write read: the saved chats stay for the
 * next visit rather than be overwritten.
 */
function withSavedChatReader(
  storage: ChatStorage,
): ChatStorage & { flush(): void; hasPending(): boolean; readTakenIn(): void; whenRead(): Promise<void>; readerFailed(): boolean } {
  let reading = false;
  let heldBack = false;
  let readerFailed = false;
  /** Resolved once the read under way is taken in. */
  let read = Promise.resolve();
  let readDone = () => {};
  const whenReadable = (value: StorageValue<PersistedChat> | null) => {
    if (value === null || savedChatReader) return value;
    return loadSavedChatReader().then(
      () => value,
      (error: unknown) => {
        readerFailed = true;
        throw error;
      },
    );
  };
  return {
    getItem(name) {
      if (!reading) read = new Promise((resolve) => (readDone = resolve));
      reading = true;
      const value = storage.getItem(name);
      return value !== null && "then" in value ? value.then(whenReadable) : whenReadable(value);
    },
    setItem(name, value) {
      heldBack = reading;
      return reading ? undefined : storage.setItem(name, value);
    },
    removeItem: (name) => storage.removeItem(name),
    flush: () => storage.flush?.(),
    hasPending: () => heldBack || storage.hasPending?.() === true,
    readTakenIn() {
      reading = readerFailed;
      if (!reading) readDone();
    },
    whenRead: () => read,
    readerFailed: () => readerFailed,
  };
}

const noStorage: PersistStorage<PersistedChat> = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };

/**
 * The chat's conversations and actions. Network code stays in `lib/client`
 * (passed in as dependencies); deltas that arrive within one frame are
 * applied in one `set`.
 */
export function createChatStore(dependencies: ChatStoreDependencies) {
  const controllers = new Map<string, AbortController>();
  /** Text waiting for the next frame, by message, with the id of the last event that brought some. */
  const pendingDeltas = new Map<string, { pieces: string[]; reasoning: string[]; eventId: string | undefined }>();
  const sentAt = new Map<string, number>();
  let frameScheduled = false;
  /** Set while another tab's write is being taken in: what was saved before it (`merge` takes it in as that tab's). */
  let otherTabWrite: { previousText: string | null } | undefined;
  /** Other tabs' writes are taken in one at a time (`otherTabWrite` is one); this is the last one asked for. */
  let takingIn: Promise<void> = Promise.resolve();
  /** What was saved before the first of the writes waiting to be taken in, while some wait. */
  let waitingSince: { previousText: string | null } | undefined;
  const storage = withSavedChatReader(dependencies.storage ?? noStorage);
  /** The page's read of its saved chats marked an answer cut off by a reload as stopped: that is saved too. */
  let markedOnRead = false;
  /** Writes pending changes at once: a rename or a deletion must reach other tabs before their next write. */
  const saveNow = () => storage.flush();
  /** Answers Stop was pressed for before the server named them: cancelled as soon as their `start` event comes. */
  const stopWhenNamed = new Set<string>();
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
            for (const [id, { pieces, reasoning, eventId }] of batches) {
              const message = messages[id];
              if (!message) continue;
              const started = sentAt.get(id);
              const firstTokenMs = message.firstTokenMs ?? (started === undefined ? undefined : now - started);
              messages[id] = {
                ...message,
                content: message.content + pieces.join(""),
                ...(reasoning.length === 0 ? {} : { reasoning: (message.reasoning ?? "") + reasoning.join("") }),
                // Saved in the same update as the text it brought: a saved copy never claims more than it shows.
                ...(eventId === undefined ? {} : { lastEventId: eventId }),
                status: message.status === "waiting" ? "streaming" : message.status,
                firstTokenMs,
                // A reasoning model's answer begins: how long it thought, from its reasoning's first text.
                ...(message.reasoning !== undefined && message.content === "" && pieces.length > 0 && started !== undefined && firstTokenMs !== undefined
                  ? { reasoningMs: now - started - firstTokenMs }
                  : {}),
              };
            }
            return { messages };
          });
        }

        const reading: AnswerReadingContext = {
          get,
          updateMessage,
          flushDeltas,
          named(assistantId, answerId) {
            if (stopWhenNamed.delete(assistantId)) stopAnswer(assistantId, answerId);
          },
          sentAt,
          dependencies,
        };

        // Called at once when the chunk is here (it is fetched as the page comes up), so that an answer starts as it always did.
        const withReading = <T,>(read: (module: AnswerReading) => Promise<T>): Promise<T> => (answerReading ? read(answerReading) : loadAnswerReading().then(read));

        /** Reads on an answer open but not read in this tab, into its assistant message. */
        const resumeAnswer = (assistantId: string, source: AnswerSource & { answerId: string }, signal: AbortSignal) =>
          withReading((module) => module.resumeAnswer(reading, assistantId, source, signal));

        const runAnswer = (assistantId: string, request: ChatRequestInput, signal: AbortSignal, replaced?: Message) =>
          withReading((module) => module.runAnswer(reading, assistantId, request, signal, replaced));

        /**
         * Runs an answer into the assistant message `assistantId` of the
         * conversation, which is answering until it ends: done, stopped (Stop,
         * or cancelled from another tab) or with an error.
         */
        async function track(conversationId: string, assistantId: string, run: (signal: AbortSignal) => Promise<void>, continuing = false): Promise<void> {
          set((state) => ({ answering: { ...state.answering, [conversationId]: assistantId } }));
          const controller = new AbortController();
          controllers.set(assistantId, controller);
          let status: MessageStatus = "done";
          let error: MessageError | undefined;
          try {
            await run(controller.signal);
          } catch (caught) {
            if (isAbortError(caught) || controller.signal.aborted) status = "stopped";
            else if (isAccessRefused(caught)) {
              // Not a failed answer but a locked door: the question stays, the form asks for the code, and it is sent again after.
              // An answer being continued stays as it was, to be continued again once unlocked.
              if (!continuing) interruptedByAccess = conversationId;
              status = "stopped";
              set((state) => {
                const index = continuing ? -1 : (state.conversations[conversationId]?.messageIds.indexOf(assistantId) ?? -1);
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
            if (status === "done" && get().messages[assistantId]?.finishReason === "cancelled") status = "stopped";
            updateMessage(assistantId, {
              status,
              reconnecting: undefined,
              ...(error ? { error } : {}),
              ...(started === undefined ? {} : { totalMs: dependencies.now() - started }),
            });
            set((state) => {
              const answering = { ...state.answering };
              if (answering[conversationId] === assistantId) delete answering[conversationId];
              return { answering };
            });
          }
        }

        /** What the model is asked for the conversation as it stands: its turns, with its settings. */
        function requestFor(conversation: Conversation): ChatRequestInput {
          const { model, temperature, reasoningEffort } = conversation.settings;
          return {
            messages: historyOf(conversation, get().messages),
            ...(model === undefined ? {} : { model }),
            ...(temperature === undefined ? {} : { temperature }),
            ...(reasoningEffort === undefined ? {} : { reasoning_effort: reasoningEffort }),
          };
        }

        /**
         * Adds an assistant message to the conversation and fills it with the answer to the conversation so far;
         * `replaced`: the answer it regenerates, kept as an earlier version of it.
         */
        async function answer(conversationId: string, replaced?: Message): Promise<void> {
          const conversation = get().conversations[conversationId];
          if (!conversation) return;
          const request = requestFor(conversation);
          const assistantId = dependencies.createId();
          const waiting: Message = { id: assistantId, role: "assistant", content: "", status: "waiting" };
          set((state) => withMessageAdded(state, conversationId, waiting, Date.now()));
          sentAt.set(assistantId, dependencies.now());
          await track(conversationId, assistantId, (signal) => runAnswer(assistantId, request, signal, replaced));
        }

        /** Reads on an answer that is open but not read in this tab, from where its saved copy ends. */
        function resume(conversationId: string, message: Message & { answerId: string }): void {
          const source = { answerId: message.answerId, lastEventId: message.lastEventId, ended: message.finishReason !== undefined };
          void track(conversationId, message.id, (signal) => resumeAnswer(message.id, source, signal));
        }

        /**
         * Stop: cancel on the server first (the upstream stops there, whatever the host does with a
         * dropped connection, and a resumable answer would otherwise go on for its grace period), then
         * drop this connection: what has arrived stays, and nothing more is shown.
         */
        function stopAnswer(assistantId: string, named?: string): void {
          const controller = controllers.get(assistantId);
          if (!controller) return;
          // `named`: the id its start event just gave (the message may be gone already: a deleted conversation).
          const answerId = named ?? get().messages[assistantId]?.answerId;
          if (answerId === undefined && sentAt.has(assistantId) && get().streamResponses) {
            // Not named yet: its `start` comes at once, and then it can be cancelled; if it does not, the connection goes anyway.
            stopWhenNamed.add(assistantId);
            setTimeout(() => controller.abort(), 1_000);
            return;
          }
          if (answerId !== undefined) void dependencies.cancelAnswer(answerId).catch(() => undefined);
          controller.abort();
        }

        function createConversation(): string {
          const conversation = emptyConversation(dependencies.createId(), Date.now(), get().newChatSettings);
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
          streamResponses: streamResponsesByDefault,
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
            if (id) stopAnswer(id);
          },

          async regenerate() {
            const conversation = idleActiveConversation();
            const replaced = get().messages[conversation?.messageIds.at(-1) ?? ""];
            if (!conversation || replaced?.role !== "assistant") return;
            set((state) => withMessagesTruncated(state, conversation.id, conversation.messageIds.length - 1));
            await answer(conversation.id, replaced);
          },

          async continueAnswer() {
            const conversation = idleActiveConversation();
            const message = get().messages[conversation?.messageIds.at(-1) ?? ""];
            if (!conversation || message?.role !== "assistant" || message.content === "") return;
            // Timed from its first run's start: the total under it is the time of both.
            sentAt.set(message.id, dependencies.now() - (message.totalMs ?? 0));
            await track(
              conversation.id,
              message.id,
              (signal) => withReading((module) => module.continueAnswer(reading, message, requestFor(conversation), signal)),
              true,
            );
          },

          showVersion(messageId, index) {
            void withReading(async (module) => set((state) => module.withVersionShown(state, messageId, index)));
          },

          showBranch(messageId, index) {
            const conversation = idleActiveConversation();
            if (conversation) void withReading(async (module) => set((state) => module.withBranchShown(state, conversation.id, messageId, index)));
          },

          async editAndResend(messageId, text) {
            const conversation = idleActiveConversation();
            const index = conversation?.messageIds.indexOf(messageId) ?? -1;
            if (!conversation || index < 0 || get().messages[messageId]?.role !== "user" || text.trim() === "") return;
            // The question as it was, and what followed it, are kept as a branch (the code is with answer reading's).
            await withReading(async (module) => set((state) => module.withQuestionEdited(state, conversation.id, index, text)));
            await answer(conversation.id);
          },

          appendDelta(messageId, content, eventId, into = "content") {
            let pending = pendingDeltas.get(messageId);
            if (!pending) pendingDeltas.set(messageId, (pending = { pieces: [], reasoning: [], eventId }));
            (into === "content" ? pending.pieces : pending.reasoning).push(content);
            pending.eventId = eventId ?? pending.eventId;
            if (!frameScheduled) {
              frameScheduled = true;
              dependencies.scheduleFrame(flushDeltas);
            }
          },

          setStreamResponses(streamResponses) {
            set({ streamResponses });
            saveNow();
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
            saveNow();
          },

          pinConversation(conversationId, pinned) {
            set((state) => withConversationChanged(state, conversationId, { pinned: pinned || undefined }));
            saveNow();
          },

          deleteConversation(conversationId) {
            const answering = get().answering[conversationId];
            if (answering) stopAnswer(answering);
            set((state) => withoutConversation(state, conversationId));
            saveNow();
          },

          updateSettings(settings) {
            const conversationId = selectActiveConversation(get())?.id ?? createConversation();
            set((state) => {
              const current = state.conversations[conversationId];
              return current ? withConversationChanged(state, conversationId, { settings: { ...current.settings, ...settings } }) : state;
            });
            saveNow();
          },

          setNewChatSettings(newChatSettings) {
            set({ newChatSettings });
            saveNow();
          },

          clearAll() {
            for (const id of controllers.keys()) stopAnswer(id);
            set({ conversations: {}, conversationIds: [], activeConversationId: undefined, messages: {} });
            saveNow();
          },

          resumeAnswers() {
            const { conversations, messages } = get();
            for (const conversation of Object.values(conversations)) {
              const last = messages[conversation.messageIds.at(-1) ?? ""];
              if (last?.answerId !== undefined && isOpen(last) && !controllers.has(last.id)) resume(conversation.id, { ...last, answerId: last.answerId });
            }
          },

          takeOtherTabWrite(previousText) {
            // One at a time: `otherTabWrite` is one, and a rehydrate that ends clears it; another still reading would
            // then restore the saved state over this tab's. Writes heard while one waits to start are taken in
            // together: the latest text, against what was saved before the first of them.
            if (waitingSince) return takingIn;
            waitingSince = { previousText };
            const takeIn = async () => {
              const previousText = waitingSince?.previousText ?? null;
              waitingSince = undefined;
              // Not before this tab's own read is taken in (the page's first, its reader maybe still loading): a read
              // begun now would end that one unmerged (persist keeps the last), and the saved chats, not in this tab
              // yet, would look deleted here; once saved, deleted in every tab.
              await storage.whenRead();
              otherTabWrite = { previousText };
              try {
                await store.persist.rehydrate();
              } finally {
                otherTabWrite = undefined;
              }
            };
            takingIn = takingIn.catch(() => undefined).then(takeIn);
            return takingIn;
          },

          dismissNotice() {
            set({ notice: undefined });
          },

          noteStorageFull(full) {
            if (full) set({ notice: fullNotice });
            else if (get().notice === fullNotice) set({ notice: undefined });
          },
        };
      },
      {
        name: savedChatsKey,
        version: persistVersion,
        storage,
        skipHydration: true,
        partialize: savedPart,
        // Only saved chats of an older version are migrated: the migrations are a chunk loaded then.
        migrate: async (persisted, version) => (await import("@/lib/store/migrate-chat")).migrateChat(persisted, version),
        // The page's read, or another tab's write, merged with this tab's state (restore-chat.ts, loaded with the value).
        merge: (persisted, current) => {
          if (persisted === undefined) return current;
          const read = loadedSavedChatReader().readSavedChats(persisted, current, otherTabWrite ?? { marked: () => (markedOnRead = true) });
          if (read) return { ...current, ...read };
          // Another tab's write that cannot be read: this tab's copy stands (its next write saves it again).
          return otherTabWrite ? current : { ...current, notice: unreadableNotice };
        },
        onRehydrateStorage: () => (_state, error) => {
          storage.readTakenIn();
          // Saved chats that could not be parsed or migrated: start afresh, and say so. Their reader not fetched (the
          // connection dropped): they are kept (nothing is saved from now on), and a reload shows them.
          if (error) {
            store.setState({ notice: storage.readerFailed() ? notLoadedNotice : unreadableNotice });
            return;
          }
          // A write of this tab's held back while the read was under way would have saved what it had before: the state now
          // is saved instead. So is an answer marked stopped (another tab would show it waiting for good).
          if (storage.hasPending() || markedOnRead) store.setState({});
          markedOnRead = false;
          // An answer cut off by a reload, or one another tab is writing: read on where it is.
          store.getState().resumeAnswers();
        },
      },
    ),
  );
  return store;
}

export type ChatStore = ReturnType<typeof createChatStore>;
