"use client";

import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { ConversationItem } from "@/components/chat/conversation-item";
import { cn } from "@/lib/ui/cn";

/** The conversations: a column beside the chat on wide screens, a drawer over it on phones. */
export function ConversationSidebar({ open, onClose }: { open: boolean; onClose: () => void }) {
  const conversationIds = useChatStore((state) => state.conversationIds);
  const { newConversation, clearAll } = useChatActions();
  return (
    <>
      {open && <div aria-hidden className="fixed inset-0 z-20 bg-black/40 md:hidden" onClick={onClose} />}
      <nav
        id="conversations"
        aria-label="Conversations"
        onKeyDown={(event) => event.key === "Escape" && onClose()}
        className={cn(
          "fixed inset-y-0 left-0 z-30 flex w-72 flex-col border-r border-slate-200 bg-slate-50 md:static md:z-auto dark:border-slate-800 dark:bg-slate-900",
          !open && "max-md:hidden",
        )}
      >
        <div className="p-3">
          <button
            type="button"
            onClick={() => {
              newConversation();
              onClose();
            }}
            className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-left text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700"
          >
            + New chat
          </button>
        </div>
        <ul className="min-h-0 flex-1 space-y-0.5 overflow-y-auto px-2">
          {conversationIds.map((id) => (
            <ConversationItem key={id} id={id} onSelected={onClose} />
          ))}
        </ul>
        {conversationIds.length > 0 && (
          <div className="border-t border-slate-200 p-3 dark:border-slate-800">
            <button
              type="button"
              onClick={() => window.confirm("Delete every conversation? This cannot be undone.") && clearAll()}
              className="w-full rounded-lg px-3 py-2 text-left text-sm text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
            >
              Clear all conversations
            </button>
          </div>
        )}
      </nav>
    </>
  );
}
