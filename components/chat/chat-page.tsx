"use client";

import Link from "next/link";
import { useState } from "react";
import { AccessForm } from "@/components/chat/access-form";
import { ChatStoreProvider, useChatStore } from "@/components/chat/chat-store-provider";
import { Composer } from "@/components/chat/composer";
import { ConversationSettings } from "@/components/chat/conversation-settings";
import { ConversationSidebar } from "@/components/chat/conversation-sidebar";
import { MessageList } from "@/components/chat/message-list";
import { ProviderNotice } from "@/components/chat/provider-notice";
import { StoreNotice } from "@/components/chat/store-notice";
import { selectActiveConversation } from "@/lib/store/chat-selectors";

function ConversationTitle() {
  const title = useChatStore((state) => selectActiveConversation(state)?.title ?? "New chat");
  return <h1 className="min-w-0 flex-1 truncate text-base font-semibold text-slate-900 dark:text-slate-100">{title}</h1>;
}

export function ChatPage() {
  const [sidebarOpen, setSidebarOpen] = useState(false);
  return (
    <ChatStoreProvider>
      <div className="flex h-dvh bg-white dark:bg-slate-950">
        <ConversationSidebar open={sidebarOpen} onClose={() => setSidebarOpen(false)} />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
            <button
              type="button"
              aria-label="Conversations"
              aria-controls="conversations"
              aria-expanded={sidebarOpen}
              onClick={() => setSidebarOpen(true)}
              className="rounded-lg px-2 py-1.5 text-slate-700 hover:bg-slate-100 md:hidden dark:text-slate-300 dark:hover:bg-slate-800"
            >
              ☰
            </button>
            <ConversationTitle />
            <Link href="/compare" className="rounded-lg px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
              Compare
            </Link>
            <ConversationSettings />
          </header>
          <ProviderNotice />
          <StoreNotice />
          <main className="flex min-h-0 flex-1 flex-col">
            <MessageList />
            <AccessForm />
            <Composer />
          </main>
        </div>
      </div>
    </ChatStoreProvider>
  );
}
