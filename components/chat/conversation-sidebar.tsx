"use client";

import { Suspense, useEffect, useRef, useState } from "react";
import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { LazyConversationGroups, LazyConversationItem } from "@/components/chat/lazy-chat-rows";
import { ConversationSearchField } from "@/components/chat/conversation-search-field";
import { useConversationSearch } from "@/components/chat/use-conversation-search";
import { forgetDrafts } from "@/components/chat/use-draft";
import { useTranslations } from "@/components/preferences/use-preferences";
import { composerMessageId, newChatButtonId } from "@/components/chat/element-ids";
import { cn } from "@/lib/ui/cn";
import { isWide, wideScreen } from "@/lib/ui/is-wide";
import { setConversationsClosed } from "@/lib/preferences/preferences";

/**
 * The conversations: a column beside the chat on wide screens, a drawer over it on phones.
 * `onClose` says where focus goes next: back to the menu button, or on to the message box.
 */
export function ConversationSidebar({ open, onClose }: { open: boolean; onClose: (focus: "menu" | "message") => void }) {
  const conversationIds = useChatStore((state) => state.conversationIds);
  const { newConversation, clearAll } = useChatActions();
  const t = useTranslations();
  const newChatRef = useRef<HTMLButtonElement>(null);
  const [query, setQuery] = useState("");
  const hits = useConversationSearch(query);

  useEffect(() => {
    if (!open) return;
    newChatRef.current?.focus();
    // Grown past phone width, the drawer is a column again: close it, or the page beside it stays inert.
    const wide = window.matchMedia(wideScreen);
    const closeWhenWide = () => wide.matches && onClose("menu");
    wide.addEventListener("change", closeWhenWide);
    return () => wide.removeEventListener("change", closeWhenWide);
  }, [open, onClose]);

  return (
    <>
      {open && <div aria-hidden className="fixed inset-0 z-20 bg-black/40 md:hidden" onClick={() => onClose("menu")} />}
      <nav
        id="conversations"
        aria-label={t.page.conversations}
        onKeyDown={(event) => event.key === "Escape" && onClose("menu")}
        className={cn(
          "fixed inset-y-0 left-0 z-30 flex w-72 max-w-[85vw] flex-col border-r border-slate-200 bg-slate-50 md:static md:z-auto dark:border-slate-800 dark:bg-slate-900",
          !open && "max-md:hidden",
        )}
      >
        <div className="flex gap-2 p-3">
          <button
            ref={newChatRef}
            id={newChatButtonId}
            type="button"
            onClick={() => {
              // The new chat is untitled: a search left in the box would hide it.
              setQuery("");
              newConversation();
              onClose("message");
              // A new chat's next step is writing in it, drawer or not.
              document.getElementById(composerMessageId)?.focus();
            }}
            className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-left text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            <span aria-hidden>+ </span>
            {t.sidebar.newChat}
          </button>
          {/*
            On a phone it closes the drawer (touch and screen-reader users have no Escape key; the backdrop is not a
            control); on a wide screen it closes the column, for the chat's full width, until the header's menu
            button opens it again (kept in the browser, as the theme is).
          */}
          <button
            type="button"
            aria-label={t.page.closeConversations}
            title={t.page.closeConversations}
            data-closes-conversations
            onClick={() => {
              if (!isWide()) return onClose("menu");
              setConversationsClosed(true);
              document.querySelector<HTMLElement>("[data-opens-conversations]")?.focus();
            }}
            className="shrink-0 rounded-lg px-2.5 text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" className="h-5 w-5">
              <path d="M5 5l10 10M15 5 5 15" />
            </svg>
          </button>
        </div>
        {(conversationIds.length > 1 || query !== "") && <ConversationSearchField query={query} onQuery={setQuery} />}
        {/* There from the first letter typed (empty until the search has run), so that a screen reader hears each count. */}
        {query !== "" && (
          <p role="status" className={cn("px-5 pb-2 text-sm text-slate-600 dark:text-slate-400", hits?.length !== 0 && "sr-only")}>
            {hits === undefined ? "" : hits.length > 0 ? t.sidebar.found(hits.length) : t.sidebar.noMatch}
          </p>
        )}
        {/* Found conversations in one list, by how well they match; otherwise in groups by age (a chunk, with the rows). */}
        <div className="min-h-0 flex-1 overflow-y-auto px-2 py-0.5">
          <Suspense fallback={null}>
            {hits ? (
              <ul className="space-y-0.5">
                {hits.map(({ id, excerpt }) => (
                  <LazyConversationItem key={id} id={id} excerpt={excerpt} found onSelected={() => onClose("message")} />
                ))}
              </ul>
            ) : (
              <LazyConversationGroups ids={conversationIds} onSelected={() => onClose("message")} />
            )}
          </Suspense>
        </div>
        {conversationIds.length > 0 && (
          <div className="border-t border-slate-200 p-3 dark:border-slate-800">
            <button
              type="button"
              onClick={() => {
                if (!window.confirm(t.sidebar.confirmClearAll)) return;
                clearAll();
                forgetDrafts();
                newChatRef.current?.focus();
                void import("@/lib/client/image-store").then((module) => module.clearImages());
              }}
              className="w-full rounded-lg px-3 py-2 text-left text-sm text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
            >
              {t.sidebar.clearAll}
            </button>
          </div>
        )}
      </nav>
    </>
  );
}
