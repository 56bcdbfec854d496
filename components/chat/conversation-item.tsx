"use client";

import { memo, useState, type FormEvent } from "react";
import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { cn } from "@/lib/ui/cn";

/** One conversation in the sidebar: select it, rename it in place, or delete it. */
export const ConversationItem = memo(function ConversationItem({ id, onSelected }: { id: string; onSelected: () => void }) {
  const title = useChatStore((state) => state.conversations[id]?.title ?? "");
  const active = useChatStore((state) => state.activeConversationId === id);
  const answering = useChatStore((state) => state.answering[id] !== undefined);
  const { selectConversation, renameConversation, deleteConversation } = useChatActions();
  const [renaming, setRenaming] = useState(false);

  function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    renameConversation(id, String(new FormData(event.currentTarget).get("title") ?? ""));
    setRenaming(false);
  }

  if (renaming) {
    return (
      <li>
        <form onSubmit={rename} className="flex gap-1 px-2 py-1">
          <input
            name="title"
            aria-label="Conversation title"
            defaultValue={title}
            autoFocus
            onKeyDown={(event) => event.key === "Escape" && setRenaming(false)}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          />
          <button type="submit" className="rounded px-2 text-sm font-medium text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-slate-800">
            Save
          </button>
        </form>
      </li>
    );
  }

  return (
    <li className={cn("group flex items-center rounded-lg", active ? "bg-slate-200 dark:bg-slate-800" : "hover:bg-slate-100 dark:hover:bg-slate-800/60")}>
      <button
        type="button"
        aria-current={active ? "page" : undefined}
        onClick={() => {
          selectConversation(id);
          onSelected();
        }}
        className="min-w-0 flex-1 truncate px-3 py-2 text-left text-sm text-slate-800 dark:text-slate-200"
      >
        {answering && <span aria-hidden className="mr-1.5 inline-block h-2 w-2 animate-pulse rounded-full bg-blue-500" />}
        {title}
      </button>
      <div className="flex shrink-0 opacity-100 md:opacity-0 md:group-focus-within:opacity-100 md:group-hover:opacity-100">
        <button type="button" aria-label={`Rename “${title}”`} title="Rename" onClick={() => setRenaming(true)} className="rounded p-1.5 text-slate-600 hover:bg-slate-300 dark:text-slate-300 dark:hover:bg-slate-700">
          ✎
        </button>
        <button
          type="button"
          aria-label={`Delete “${title}”`}
          title="Delete"
          onClick={() => window.confirm(`Delete “${title}”?`) && deleteConversation(id)}
          className="rounded p-1.5 text-slate-600 hover:bg-slate-300 dark:text-slate-300 dark:hover:bg-slate-700"
        >
          ✕
        </button>
      </div>
    </li>
  );
});
