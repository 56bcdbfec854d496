"use client";

import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { useModels } from "@/components/chat/use-models";
import { useLocale } from "@/components/preferences/use-preferences";
import { noticeTexts } from "@/lib/i18n/notice-texts";

/**
 * The notices above the chat: that the offline demo model is answering (and
 * how to use a real one), what happened to the saved chats (unreadable, or
 * no room left) and to a shared link opened, the latter until dismissed. A
 * chunk with its texts, fetched only when one of them shows (chat-page.tsx).
 */
export function PageNotices() {
  const isDemo = useModels()?.provider === "demo";
  const notice = useChatStore((state) => state.notice);
  const { dismissNotice } = useChatActions();
  const t = noticeTexts[useLocale()];
  return (
    <>
      {isDemo && (
        <p role="note" className="mx-auto mt-3 w-full max-w-3xl rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          {t.demoModelBefore}
          <strong>{t.demoModel}</strong>
          {t.demoModelAfter}
          <code className="font-mono">OPENAI_API_KEY</code>
          {t.demoModelEnd}
        </p>
      )}
      {notice && (
        <div role="status" className="mx-auto mt-3 flex w-full max-w-3xl items-center justify-between gap-3 rounded-lg bg-sky-100 px-3 py-2 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100">
          <span>
            {
              {
                saved_chats_unreadable: t.savedChatsUnreadable,
                saved_chats_not_loaded: t.savedChatsNotLoaded,
                saved_chats_full: t.savedChatsFull,
                shared_conversation_added: t.sharedConversationAdded,
                shared_link_unreadable: t.sharedLinkUnreadable,
              }[notice]
            }
          </span>
          <button type="button" onClick={dismissNotice} className="rounded px-2 py-0.5 font-medium hover:bg-sky-200 dark:hover:bg-sky-900">
            {t.dismiss}
          </button>
        </div>
      )}
    </>
  );
}
