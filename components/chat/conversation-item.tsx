"use client";

import { memo, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ActionMenu } from "@/components/chat/action-menu";
import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { useDeleteConversation } from "@/components/chat/use-delete-conversation";
import { useDownloadConversation } from "@/components/chat/use-download-conversation";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { useShareLink } from "@/components/chat/use-share-link";
import { useTranslations } from "@/components/preferences/use-preferences";
import { cn } from "@/lib/ui/cn";
import type { MessageExcerpt } from "@/lib/store/search-conversations";
import { revealMessage } from "@/components/chat/reveal-message";

/**
 * One conversation in the sidebar: select it; its "⋯" menu renames it in place, pins or unpins it, shares it as a
 * link, downloads or deletes it; all by keyboard too. Found by a search in one of its messages, it shows the words around what was
 * found under its title, and opens at that message.
 */
export const ConversationItem = memo(function ConversationItem({
  id,
  onSelected,
  excerpt,
  found = false,
}: {
  id: string;
  onSelected: () => void;
  excerpt?: MessageExcerpt;
  /** A search's result: one list, with no Pinned heading to say which are pinned, so the row says it. */
  found?: boolean;
}) {
  const t = useTranslations();
  const texts = useMessageTexts();
  const title = useChatStore((state) => state.conversations[id]?.title) || t.page.newChat;
  const active = useChatStore((state) => state.activeConversationId === id);
  const pinned = useChatStore((state) => state.conversations[id]?.pinned === true);
  const answering = useChatStore((state) => state.answering[id] !== undefined);
  const { selectConversation, renameConversation, pinConversation } = useChatActions();
  const excerptId = useId();
  const [renaming, setRenaming] = useState(false);
  const [shareStatus, share] = useShareLink(id);
  const selectRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const remove = useDeleteConversation(id, title, selectRef);
  const download = useDownloadConversation(id);

  // Renaming done (saved or cancelled): focus goes back to the conversation, not to the page's start.
  useEffect(() => {
    if (renaming || !refocus.current) return;
    refocus.current = false;
    selectRef.current?.focus();
  }, [renaming]);

  function finishRenaming() {
    refocus.current = true;
    setRenaming(false);
  }

  function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    renameConversation(id, String(new FormData(event.currentTarget).get("title") ?? ""));
    finishRenaming();
  }

  function pin() {
    pinConversation(id, !pinned);
    // It moves to or from Pinned, a row made anew there: focus follows it, not left on the page's start.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-conversation="${CSS.escape(id)}"]`)?.focus());
  }

  if (renaming) {
    return (
      <li>
        <form onSubmit={rename} className="flex gap-1 px-2 py-1">
          <input
            name="title"
            aria-label={texts.conversation.title}
            defaultValue={title}
            autoFocus
            onKeyDown={(event) => event.key === "Escape" && finishRenaming()}
            className="min-w-0 flex-1 rounded border border-slate-500 bg-white px-2 py-1 text-sm dark:bg-slate-800"
          />
          <button type="submit" className="rounded px-2 text-sm font-medium text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-slate-800">
            {texts.conversation.save}
          </button>
        </form>
      </li>
    );
  }

  return (
    <li className={cn("group flex flex-wrap items-center rounded-lg", active ? "bg-slate-200 dark:bg-slate-800" : "hover:bg-slate-100 dark:hover:bg-slate-800/60")}>
      <button
        ref={selectRef}
        type="button"
        data-conversation={id}
        aria-current={active ? "page" : undefined}
        aria-describedby={excerpt ? excerptId : undefined}
        onClick={() => {
          selectConversation(id);
          if (excerpt) revealMessage(excerpt.messageId);
          onSelected();
        }}
        className={cn("min-w-0 flex-1 rounded-lg px-3 py-2 text-left text-sm text-slate-800 dark:text-slate-200", !excerpt && "truncate")}
      >
        <span className={cn(excerpt && "block truncate")}>
          {answering && (
            <>
              <span aria-hidden className="mr-1.5 inline-block h-2 w-2 animate-pulse rounded-full bg-blue-500" />
              <span className="sr-only">{texts.conversation.answering}: </span>
            </>
          )}
          {title}
          {found && pinned && <span className="text-xs text-slate-600 dark:text-slate-400">{` · ${texts.groups.pinned}`}</span>}
        </span>
        {excerpt && (
          // Its description, not part of its name: the conversation is still called by its title.
          <span id={excerptId} aria-hidden className="mt-0.5 line-clamp-2 block text-xs break-words text-slate-600 dark:text-slate-400">
            {excerpt.before}
            <mark className="rounded-sm bg-yellow-200 px-0.5 text-slate-900 dark:bg-yellow-700 dark:text-slate-50">{excerpt.match}</mark>
            {excerpt.after}
          </span>
        )}
      </button>
      {/*
        On wide screens it shows on hover and when the conversation has focus (so Tab reaches it), and leaves the title
        its width otherwise; and while its menu is open: the pointer over the menu (in the top layer) is not over the
        row, and hidden with its button the menu would go, and its focus with it.
      */}
      <div className="flex shrink-0 md:hidden md:group-focus-within:flex md:group-hover:flex md:has-[:popover-open]:flex">
        <ActionMenu
          label={texts.conversation.options(title)}
          actions={[
            { label: texts.conversation.rename, onSelect: () => setRenaming(true) },
            { label: pinned ? texts.conversation.unpin : texts.conversation.pin, onSelect: pin },
            { label: texts.conversation.share, onSelect: share },
            { label: texts.conversation.download, onSelect: download },
            { label: texts.conversation.delete, onSelect: remove, destructive: true },
          ]}
        />
      </div>
      {shareStatus && (
        <p role="status" className="basis-full px-3 pb-2 text-xs text-slate-600 dark:text-slate-400">
          {shareStatus}
        </p>
      )}
    </li>
  );
});
