"use client";

import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { useTranslations } from "@/components/preferences/use-preferences";

/** Tells the reader something about their saved chats (e.g. they could not be read), until dismissed. */
export function StoreNotice() {
  const notice = useChatStore((state) => state.notice);
  const { dismissNotice } = useChatActions();
  const t = useTranslations();
  if (!notice) return null;
  return (
    <div role="status" className="mx-auto mt-3 flex w-full max-w-3xl items-center justify-between gap-3 rounded-lg bg-sky-100 px-3 py-2 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100">
      <span>{{ saved_chats_unreadable: t.notice.savedChatsUnreadable, saved_chats_full: t.notice.savedChatsFull }[notice]}</span>
      <button type="button" onClick={dismissNotice} className="rounded px-2 py-0.5 font-medium hover:bg-sky-200 dark:hover:bg-sky-900">
        {t.notice.dismiss}
      </button>
    </div>
  );
}
