"use client";

import { useRef } from "react";
import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { LockButton } from "@/components/chat/lock-button";
import { ModelOptions } from "@/components/chat/model-options";
import { useModels } from "@/components/chat/use-models";
import { useTranslations } from "@/components/preferences/use-preferences";
import { selectActiveConversation } from "@/lib/store/chat-selectors";
import type { ConversationSettings as Settings } from "@/lib/store/chat-types";

const noSettings: Settings = { systemPrompt: "" };
const fieldClass =
  "mt-1 w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-sm font-normal placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-800 dark:placeholder:text-slate-400";

/** A button that opens this conversation's settings (system prompt, model, temperature) in a modal dialog. */
export function ConversationSettings() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const settings = useChatStore((state) => selectActiveConversation(state)?.settings ?? noSettings);
  const { updateSettings } = useChatActions();
  const models = useModels();
  const t = useTranslations();
  return (
    <>
      <button
        type="button"
        onClick={() => dialogRef.current?.showModal()}
        aria-label={t.page.settings}
        title={t.page.settings}
        className="flex shrink-0 items-center gap-1.5 rounded-lg p-1.5 text-sm text-slate-700 hover:bg-slate-100 sm:px-3 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        {/* A gear on phones, where the header has little room; the word beside it on wider screens. */}
        <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" className="h-5 w-5 sm:hidden">
          <path
            strokeLinejoin="round"
            d="M15.9 8.2 18.1 8.7 18.1 11.3 15.9 11.8 15.5 12.9 16.6 14.8 14.8 16.6 12.9 15.5 11.8 15.9 11.3 18.1 8.7 18.1 8.2 15.9 7.1 15.5 5.2 16.6 3.4 14.8 4.5 12.9 4.1 11.8 1.9 11.3 1.9 8.7 4.1 8.2 4.5 7.1 3.4 5.2 5.2 3.4 7.1 4.5 8.2 4.1 8.7 1.9 11.3 1.9 11.8 4.1 12.9 4.5 14.8 3.4 16.6 5.2 15.5 7.1Z"
          />
          <circle cx="10" cy="10" r="2.5" />
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
        <h2 id="conversation-settings-title" className="text-lg font-semibold">
          {t.settings.title}
        </h2>
        <label className="mt-4 block text-sm font-medium">
          {t.settings.systemPrompt}
          <textarea
            rows={4}
            value={settings.systemPrompt}
            placeholder={t.settings.systemPromptPlaceholder}
            onChange={(event) => updateSettings({ systemPrompt: event.target.value })}
            className={fieldClass}
          />
        </label>
        <label className="mt-4 block text-sm font-medium">
          {t.settings.model}
          <select value={settings.model ?? ""} onChange={(event) => updateSettings({ model: event.target.value || undefined })} className={fieldClass}>
            <ModelOptions models={models} defaultLabel={t.settings.serverDefault} />
          </select>
        </label>
        <label className="mt-4 block text-sm font-medium">
          {t.settings.temperature(settings.temperature === undefined ? t.settings.modelDefault : settings.temperature.toFixed(1))}
          <input
            type="range"
            min={0}
            max={2}
            step={0.1}
            value={settings.temperature ?? 1}
            onChange={(event) => updateSettings({ temperature: Number(event.target.value) })}
            className="mt-2 w-full accent-blue-600"
          />
        </label>
        <LockButton onLocked={() => dialogRef.current?.close()} />
        <div className="mt-5 flex justify-between gap-2">
          <button
            type="button"
            onClick={() => updateSettings({ temperature: undefined })}
            className="rounded-lg px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            {t.settings.defaultTemperature}
          </button>
          <button type="button" onClick={() => dialogRef.current?.close()} className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700">
            {t.settings.done}
          </button>
        </div>
      </dialog>
    </>
  );
}
