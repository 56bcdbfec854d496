"use client";

import { Suspense, useRef, useState } from "react";
import { lazyComponent } from "@/components/lazy-component";
import { useTranslations } from "@/components/preferences/use-preferences";

// The dialog's form (and the model list it offers) is a chunk of its own, fetched when the dialog first opens:
// the page shows and answers without it.
const ConversationSettingsForm = lazyComponent(() => import("@/components/chat/conversation-settings-form").then((module) => module.ConversationSettingsForm));

/** A button that opens this conversation's settings (system prompt, model, temperature) in a modal dialog. */
export function ConversationSettings() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState(false);
  const t = useTranslations();
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpened(true);
          dialogRef.current?.showModal();
        }}
        aria-label={t.page.settings}
        title={t.page.settings}
        className="flex shrink-0 items-center gap-1.5 rounded-lg p-1.5 text-sm text-slate-700 hover:bg-slate-100 sm:px-3 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        {/* Sliders on phones, where the header has little room; the word beside it on wider screens. */}
        <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" className="h-5 w-5 sm:hidden">
          <path d="M3 6h8m4 0h2M3 14h2m4 0h8" />
          <circle cx="13" cy="6" r="2" />
          <circle cx="7" cy="14" r="2" />
        </svg>
        <span aria-hidden className="hidden sm:inline">
          {t.page.settings}
        </span>
      </button>
      {/* z-50 changes nothing on screen (a modal dialog is in the top layer): it lets axe see the dialog above the page and measure its contrast. */}
      <dialog
        ref={dialogRef}
        aria-labelledby="conversation-settings-title"
        className="z-50 m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/40 dark:bg-slate-900 dark:text-slate-100"
      >
        {opened && (
          <Suspense fallback={null}>
            <ConversationSettingsForm onClose={() => dialogRef.current?.close()} />
          </Suspense>
        )}
      </dialog>
    </>
  );
}
