"use client";

import { useEffect } from "react";
import { useChatStore } from "@/components/chat/chat-store-provider";
import { MessageItem } from "@/components/chat/message-item";
import { useFollowBottom } from "@/components/chat/use-follow-bottom";
import { selectActiveMessageIds, selectAnsweringId } from "@/lib/store/chat-selectors";

/** The conversation. `aria-busy` while an answer streams, so screen readers read it once it is whole, not token by token. */
export function MessageList() {
  // Load the markdown renderer (a chunk of its own, see message-item.tsx) as soon as the page is up.
  useEffect(() => {
    void import("@/components/markdown/markdown-message");
  }, []);
  const messageIds = useChatStore(selectActiveMessageIds);
  const busy = useChatStore((state) => selectAnsweringId(state) !== undefined);
  const activeConversationId = useChatStore((state) => state.activeConversationId);
  const { scrollerRef, following, jumpToLatest } = useFollowBottom<HTMLDivElement>(activeConversationId);
  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollerRef} className="h-full overflow-y-auto">
        <div role="log" aria-label="Conversation" aria-busy={busy} className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6">
          {messageIds.length === 0 && <p className="mt-16 text-center text-slate-600 dark:text-slate-400">Ask anything. The answer appears as it is written.</p>}
          {messageIds.map((id) => (
            <MessageItem key={id} id={id} />
          ))}
        </div>
      </div>
      {!following && (
        <button
          type="button"
          onClick={jumpToLatest}
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-slate-800 px-4 py-1.5 text-sm text-white shadow-lg hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900"
        >
          ↓ Jump to latest
        </button>
      )}
    </div>
  );
}
