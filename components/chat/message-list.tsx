"use client";

import { Suspense, useEffect, useState } from "react";
import { lazyComponent } from "@/components/lazy-component";
import { AnswerAnnouncer } from "@/components/chat/answer-announcer";
import { useChatStore, useSavedChatsRead } from "@/components/chat/chat-store-provider";
import { LazyMessageItem } from "@/components/chat/lazy-chat-rows";
import { useFollowBottom } from "@/components/chat/use-follow-bottom";
import { useTranslations } from "@/components/preferences/use-preferences";
import { selectActiveMessageIds, selectAnsweringId } from "@/lib/store/chat-selectors";

const PromptSuggestions = lazyComponent(() => import("@/components/chat/prompt-suggestions").then((module) => module.PromptSuggestions));

/**
 * The conversation. `aria-busy` while an answer streams, so screen readers do
 * not read it token by token; the announcer says when it is complete.
 * Switching to another conversation (or the saved ones loading) would read
 * every message in it as new: the log is quiet (`aria-live="off"`) while that
 * happens, then polite again. The log element itself stays, for whatever
 * observes it.
 */
export function MessageList() {
  const t = useTranslations();
  const conversationId = useChatStore((state) => state.activeConversationId);
  const messageIds = useChatStore(selectActiveMessageIds);
  const busy = useChatStore((state) => selectAnsweringId(state) !== undefined);
  const savedChatsRead = useSavedChatsRead();
  const { scrollerRef, following, jumpToLatest } = useFollowBottom<HTMLDivElement>(conversationId);
  const [shownConversationId, setShownConversationId] = useState(conversationId);
  const switching = shownConversationId !== conversationId;
  useEffect(() => {
    if (!switching) return;
    // Long enough for the browser to have taken in the new messages while the log was quiet.
    const timer = setTimeout(() => setShownConversationId(conversationId), 100);
    return () => clearTimeout(timer);
  }, [switching, conversationId]);
  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollerRef} className="h-full overflow-y-auto">
        <div
          role="log"
          aria-label={t.log.label}
          aria-busy={busy}
          aria-live={switching ? "off" : undefined}
          className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6"
        >
          {/* Until the saved chats are read it waits (globals.css): a returning reader's conversation comes first. */}
          {messageIds.length === 0 && <p className={`mt-16 text-center text-balance text-slate-600 dark:text-slate-400 ${savedChatsRead ? "" : "appear-late"}`}>{t.log.empty}</p>}
          <Suspense fallback={null}>
            {messageIds.map((id) => (
              <LazyMessageItem key={id} id={id} />
            ))}
          </Suspense>
        </div>
        {/* Outside the log: not part of the conversation. */}
        {messageIds.length === 0 && !busy && savedChatsRead && (
          <Suspense fallback={null}>
            <PromptSuggestions />
          </Suspense>
        )}
      </div>
      <AnswerAnnouncer />
      {!following && (
        <button
          type="button"
          onClick={jumpToLatest}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-slate-800 px-4 py-1.5 text-sm text-white shadow-lg hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900"
        >
          <span aria-hidden>↓ </span>
          {t.log.jumpToLatest}
        </button>
      )}
    </div>
  );
}
