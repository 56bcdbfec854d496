"use client";

import { Suspense, useCallback, useRef, useState } from "react";
import { AccessForm } from "@/components/chat/access-form";
import { ChatStoreProvider, useChatStore } from "@/components/chat/chat-store-provider";
import { Composer } from "@/components/chat/composer";
import { ConversationSettings } from "@/components/chat/conversation-settings";
import { ConversationSidebar } from "@/components/chat/conversation-sidebar";
import { composerMessageId, newChatButtonId } from "@/components/chat/element-ids";
import { lazyComponent } from "@/components/lazy-component";
import { MessageList } from "@/components/chat/message-list";
import { useTranslations } from "@/components/preferences/use-preferences";
import { selectActiveConversation } from "@/lib/store/chat-selectors";
import { isWide } from "@/lib/ui/is-wide";
import { setConversationsClosed } from "@/lib/preferences/preferences";

// Not first-load JS: drawn on the server, and working before they hydrate (header-preferences.tsx).
const HeaderPreferences = lazyComponent(() => import("@/components/preferences/header-preferences").then((module) => module.HeaderPreferences));
// One element for every render of the page. A new one (the page renders again at once, in the reader's language)
// is an update to the controls before they have hydrated: React then drops their server HTML and shows nothing
// there until their chunk has come. The same element is no update: the server's HTML stays until it hydrates.
const headerPreferences = (
  <Suspense>
    <HeaderPreferences />
  </Suspense>
);

// The demo model's notice and the saved chats' are a chunk, with their texts: most readers never see one.
const PageNotices = lazyComponent(() => import("@/components/chat/page-notices").then((module) => module.PageNotices));

function Notices() {
  const shown = useChatStore((state) => state.models?.provider === "demo" || state.notice !== undefined);
  return shown ? (
    <Suspense>
      <PageNotices />
    </Suspense>
  ) : null;
}

function ConversationTitle() {
  const title = useChatStore((state) => selectActiveConversation(state)?.title);
  const t = useTranslations();
  // On a phone the title has the first row to itself (beside the menu button) and the switches wrap to a
  // second row; sharing one row, it was cut to a few characters.
  return (
    <h1 className="min-w-0 flex-1 basis-[calc(100%-3rem)] truncate text-base font-semibold text-slate-900 sm:basis-0 dark:text-slate-100">
      {title || t.page.newChat}
    </h1>
  );
}

export function ChatPage() {
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const t = useTranslations();

  // A drawer closed without a choice hands focus back to the button that opened it;
  // a conversation chosen in it hands focus to the message box, where the reader goes on.
  const closeSidebar = useCallback(
    (focus: "menu" | "message") => {
      if (!sidebarOpen) return;
      setSidebarOpen(false);
      requestAnimationFrame(() => (focus === "menu" ? menuButtonRef.current : document.getElementById(composerMessageId))?.focus());
    },
    [sidebarOpen],
  );

  return (
    <ChatStoreProvider>
      <a
        href={`#${composerMessageId}`}
        className="sr-only z-50 rounded-lg border border-slate-300 bg-white text-sm font-medium text-blue-700 shadow-lg focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2 dark:border-slate-600 dark:bg-slate-800 dark:text-blue-300"
      >
        {t.page.skipToMessage}
      </a>
      <div className="flex h-dvh bg-white dark:bg-slate-950">
        <ConversationSidebar open={sidebarOpen} onClose={closeSidebar} />
        {/* While the drawer covers the page on a phone, what is under it is out of reach (inert), as under a dialog. */}
        <div className="flex min-w-0 flex-1 flex-col" inert={sidebarOpen || undefined}>
          <header className="flex flex-wrap items-center justify-end gap-1.5 border-b border-slate-200 px-3 py-2 sm:flex-nowrap sm:gap-2 dark:border-slate-800">
            <button
              ref={menuButtonRef}
              type="button"
              aria-label={t.page.openConversations}
              aria-controls="conversations"
              aria-expanded={sidebarOpen}
              data-opens-conversations
              onClick={() => {
                if (!isWide()) return setSidebarOpen(true);
                setConversationsClosed(false);
                document.getElementById(newChatButtonId)?.focus();
              }}
              className="shrink-0 rounded-lg p-1.5 text-slate-700 hover:bg-slate-100 md:hidden dark:text-slate-300 dark:hover:bg-slate-800"
            >
              <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" className="h-5 w-5">
                <path d="M3 5h14M3 10h14M3 15h14" />
              </svg>
            </button>
            <ConversationTitle />
            {/* A plain link: next/link (client-side navigation, prefetching) is some 2 kB gzipped of first-load JS, for one link to another page. */}
            <a href="/compare" className="shrink-0 rounded-lg px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
              {t.page.compare}
            </a>
            {headerPreferences}
            <ConversationSettings />
          </header>
          <Notices />
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
