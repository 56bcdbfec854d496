"use client";

import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { useChatStateReader, useChatStore } from "@/components/chat/chat-store-provider";
import type { ConversationHit } from "@/lib/store/search-conversations";

type SearchModule = typeof import("@/lib/store/search-conversations");

// Searching is for readers with many conversations: its code is a chunk, fetched with the first word typed.
let loaded: SearchModule | undefined;

/**
 * The conversations that `query` finds (see `searchConversations`), or
 * undefined: no query, or the search's code is still on its way. Found again
 * when the query, the list or a title changes, or an answer starts or ends;
 * not at every token of an answer being written.
 */
export function useConversationSearch(query: string): ConversationHit[] | undefined {
  const [search, setSearch] = useState(loaded);
  const searching = query.trim() !== "";
  useEffect(() => {
    if (!searching || search) return;
    let current = true;
    import("@/lib/store/search-conversations").then(
      (module) => {
        loaded = module;
        if (current) setSearch(module);
      },
      // Offline or a new deployment: the whole list stays, and the next query asks again.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [searching, search]);

  const ids = useChatStore((state) => (searching ? state.conversationIds : undefined));
  const conversations = useChatStore((state) => (searching ? state.conversations : undefined));
  const answering = useChatStore((state) => (searching ? state.answering : undefined));
  const readState = useChatStateReader();
  // Typing stays quick with many long conversations: the list follows when React has time.
  const deferredQuery = useDeferredValue(query);
  return useMemo(() => {
    if (!search || !ids || !conversations || !answering || deferredQuery.trim() === "") return undefined;
    return search.searchConversations(deferredQuery, ids, conversations, readState().messages);
  }, [search, deferredQuery, ids, conversations, answering, readState]);
}
