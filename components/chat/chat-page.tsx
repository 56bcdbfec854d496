import { ChatStoreProvider } from "@/components/chat/chat-store-provider";
import { Composer } from "@/components/chat/composer";
import { MessageList } from "@/components/chat/message-list";
import { ProviderNotice } from "@/components/chat/provider-notice";

export function ChatPage() {
  return (
    <ChatStoreProvider>
      <div className="flex h-dvh flex-col bg-slate-50 dark:bg-slate-950">
        <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
            <h1 className="text-lg font-semibold text-slate-900 dark:text-slate-100">streamchat</h1>
            <ProviderNotice />
          </div>
        </header>
        <main className="flex min-h-0 flex-1 flex-col">
          <MessageList />
          <Composer />
        </main>
      </div>
    </ChatStoreProvider>
  );
}
