"use client";

import { useRef } from "react";
import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { LockButton } from "@/components/chat/lock-button";
import { ModelOptions } from "@/components/chat/model-options";
import { useModels } from "@/components/chat/use-models";
import { selectActiveConversation } from "@/lib/store/chat-selectors";
import type { ConversationSettings as Settings } from "@/lib/store/chat-types";

const noSettings: Settings = { systemPrompt: "" };
const fieldClass = "mt-1 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-800";

/** A button that opens this conversation's settings (system prompt, model, temperature) in a modal dialog. */
export function ConversationSettings() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const settings = useChatStore((state) => selectActiveConversation(state)?.settings ?? noSettings);
  const { updateSettings } = useChatActions();
  const models = useModels();
  return (
    <>
      <button
        type="button"
        onClick={() => dialogRef.current?.showModal()}
        className="rounded-lg px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        Settings
      </button>
      <dialog
        ref={dialogRef}
        aria-label="Conversation settings"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/40 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 className="text-lg font-semibold">Conversation settings</h2>
        <label className="mt-4 block text-sm font-medium">
          System prompt
          <textarea
            rows={4}
            value={settings.systemPrompt}
            placeholder="e.g. Answer briefly, in plain English."
            onChange={(event) => updateSettings({ systemPrompt: event.target.value })}
            className={fieldClass}
          />
        </label>
        <label className="mt-4 block text-sm font-medium">
          Model
          <select value={settings.model ?? ""} onChange={(event) => updateSettings({ model: event.target.value || undefined })} className={fieldClass}>
            <ModelOptions models={models} />
          </select>
        </label>
        <label className="mt-4 block text-sm font-medium">
          Temperature: {settings.temperature === undefined ? "model default" : settings.temperature.toFixed(1)}
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
            Default temperature
          </button>
          <button type="button" onClick={() => dialogRef.current?.close()} className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700">
            Done
          </button>
        </div>
      </dialog>
    </>
  );
}
