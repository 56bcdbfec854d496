"use client";

import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { useStore } from "zustand";
import { preloadChatRows } from "@/components/chat/lazy-chat-rows";
import { cancelAnswer, closeSession, fetchModels, openSession } from "@/lib/client/api-client";
import type { AnswerSource } from "@/lib/client/answer-stream";
import type { ChatClientOptions } from "@/lib/client/chat-stream";
import type { ChatRequestInput } from "@/lib/chat/schema";
import { createChatStore, loadAnswerReading, loadSavedChatReader, type ChatState, type ChatStore, type PersistedChat } from "@/lib/store/chat";
import { savedChatsKey } from "@/lib/store/chat-persistence";
import { isShareFragment } from "@/lib/chat/share-fragment";
import { createThrottledStorage } from "@/lib/store/throttled-storage";
import { replayEarlyClick } from "@/lib/ui/replay-early-click";

const ChatStoreContext = createContext<ChatStore | null>(null);

// The stream client (the SSE decoder, eventsource-parser, the event readers, resuming) is not needed to
// show the page: a chunk of its own, fetched as soon as the page is up (below), not part of first-load JS.
const loadAnswerStream = () => import("@/lib/client/answer-stream");
const loadChatStream = () => import("@/lib/client/chat-stream");
const loadChatClient = () => Promise.all([loadAnswerStream(), loadChatStream()]);

async function* streamAnswer(source: AnswerSource, options: { signal?: AbortSignal }) {
  yield* (await loadAnswerStream()).streamAnswer(source, options);
}

async function completeChat(request: ChatRequestInput, options: ChatClientOptions) {
  return (await loadChatStream()).completeChat(request, options);
}

/** A random id (24 hex digits) for a conversation or a message. */
export function randomId(): string {
  // crypto.randomUUID needs a secure context; a plain-http deployment has none.
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Whether the browser holds saved chats under `name` (false where storage is disabled, and on the server). */
function hasSavedChats(name: string): boolean {
  try {
    return typeof window !== "undefined" && localStorage.getItem(name) !== null;
  } catch {
    return false;
  }
}

/** One store per page, made in the browser; the saved conversation is loaded after the first render, so hydration matches. */
export function ChatStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => {
    // A write that finds another tab's not taken in yet asks for it to be, rather than overwrite it.
    const storage = createThrottledStorage<PersistedChat>(
      () => localStorage,
      (previousText) => void created.getState().takeOtherTabWrite(previousText),
      1_000,
      (full) => created.getState().noteStorageFull(full),
    );
    const created = createChatStore({
      streamAnswer,
      completeChat,
      fetchModels,
      cancelAnswer,
      openSession,
      closeSession,
      scheduleFrame: (callback) => requestAnimationFrame(() => callback()),
      now: () => performance.now(),
      createId: randomId,
      storage,
    });
    // Saved chats are read and shown right after this first render: their reader and rows (chunks) are
    // asked for now, while the page hydrates. Should this fail, reading and showing them loads them again.
    if (hasSavedChats(savedChatsKey)) {
      loadSavedChatReader().catch(() => undefined);
      preloadChatRows();
    }
    return created;
  });
  useEffect(() => {
    replayEarlyClick();
    // A prefetch: should it fail, the first answer fetches the chunk again.
    loadChatClient().catch(() => undefined);
    // The page's keyboard shortcuts, a chunk too: nobody presses one before the page is up.
    void import("@/components/chat/keyboard-shortcuts").then((module) => module.listenForShortcuts());
    loadAnswerReading().catch(() => undefined);
    preloadChatRows();
    // A shared conversation in the address (a link opened, or pasted into this tab's address bar) is taken in
    // once the saved chats are read, so that it joins them rather than be overwritten by them.
    const openSharedLink = () => {
      if (isShareFragment(location.hash)) void import("@/components/chat/open-shared-link").then((module) => module.openSharedLink(store));
    };
    void store.persist.rehydrate()?.then(openSharedLink);
    void store.getState().loadModels();
    // Another tab saved the chats (the event never fires in the tab that wrote): take its write in,
    // and follow any answer it is writing.
    const name = store.persist.getOptions().name;
    const onStorage = (event: StorageEvent) => {
      if (event.key === name && event.storageArea === localStorage) void store.getState().takeOtherTabWrite(event.oldValue);
    };
    window.addEventListener("storage", onStorage);
    window.addEventListener("hashchange", openSharedLink);
    return () => {
      window.removeEventListener("storage", onStorage);
      window.removeEventListener("hashchange", openSharedLink);
    };
  }, [store]);
  return <ChatStoreContext value={store}>{children}</ChatStoreContext>;
}

function useStoreApi(): ChatStore {
  const store = useContext(ChatStoreContext);
  if (!store) throw new Error("the chat store needs a ChatStoreProvider above it");
  return store;
}

/** Selects from the chat store; select narrowly, so that a component re-renders only when its slice changes. */
export function useChatStore<T>(selector: (state: ChatState) => T): T {
  return useStore(useStoreApi(), selector);
}

/** Reads the store's state when called, subscribing to nothing: for work done on the reader's request (a search), not at every change. */
export function useChatStateReader(): () => ChatState {
  return useStoreApi().getState;
}

/** Changes the store's state with a pure change made elsewhere (lib/store/chat-backup.ts): for code in a chunk that the store's own actions would put in first-load JS. */
export function useChatStateWriter(): ChatStore["setState"] {
  return useStoreApi().setState;
}

export type ChatActions = { [Key in keyof ChatState as ChatState[Key] extends (...args: never[]) => unknown ? Key : never]: ChatState[Key] };

/** The store's actions. They never change, so reading them subscribes to nothing and causes no render. */
export function useChatActions(): ChatActions {
  return useStoreApi().getState();
}

/**
 * Whether the saved conversations have been read (after the first render: see ChatStoreProvider). The server
 * and the first render say no, so what only an empty chat shows is not shown, for a moment, to a reader who has one.
 * Once read, it stays so while another tab's save is taken in (which reads them again).
 */
export function useSavedChatsRead(): boolean {
  const { persist } = useStoreApi();
  const read = useSyncExternalStore(persist.onFinishHydration, persist.hasHydrated, () => false);
  const [readBefore, setReadBefore] = useState(false);
  if (read && !readBefore) setReadBefore(true);
  return read || readBefore;
}
