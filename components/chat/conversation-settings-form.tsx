"use client";

import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { BackupControls } from "@/components/chat/backup-controls";
import { ShortcutList } from "@/components/chat/shortcut-list";
import { LockButton } from "@/components/chat/lock-button";
import { ModelOptions } from "@/components/chat/model-options";
import { NewChatSettings } from "@/components/chat/new-chat-settings";
import { noSettings } from "@/lib/store/conversation-changes";
import { useModels } from "@/components/chat/use-models";
import { useSettingsTexts } from "@/components/chat/use-settings-texts";
import { selectActiveConversation } from "@/lib/store/chat-selectors";

/** What reasoning models (OpenAI's, and gpt-oss or Qwen3 on Ollama) all take; a model that takes none refuses the request, and says so. */
const reasoningEfforts = ["low", "medium", "high"] as const;
const fieldClass =
  "mt-1 w-full rounded-lg border border-slate-500 bg-white px-3 py-2 text-sm font-normal placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-800 dark:placeholder:text-slate-400";

/** What the settings dialog holds: this conversation's system prompt, model, reasoning effort and temperature (and whether new chats start with them); a backup of every conversation. */
export function ConversationSettingsForm({ onClose }: { onClose: () => void }) {
  const settings = useChatStore((state) => selectActiveConversation(state)?.settings ?? noSettings);
  const { updateSettings } = useChatActions();
  const models = useModels();
  const settingsText = useSettingsTexts();
  return (
    <>
      <h2 id="conversation-settings-title" className="text-lg font-semibold">
        {settingsText.title}
      </h2>
      <label className="mt-4 block text-sm font-medium">
        {settingsText.systemPrompt}
        {/* This form arrives after showModal() chose what to focus: it takes the focus the dialog gives its first field. */}
        <textarea
          autoFocus
          rows={4}
          value={settings.systemPrompt}
          placeholder={settingsText.systemPromptPlaceholder}
          onChange={(event) => updateSettings({ systemPrompt: event.target.value })}
          className={fieldClass}
        />
      </label>
      <label className="mt-4 block text-sm font-medium">
        {settingsText.model}
        <select value={settings.model ?? ""} onChange={(event) => updateSettings({ model: event.target.value || undefined })} className={fieldClass}>
          <ModelOptions models={models} defaultLabel={settingsText.serverDefault} />
        </select>
      </label>
      <label className="mt-4 block text-sm font-medium">
        {settingsText.reasoningEffort}
        <select
          value={settings.reasoningEffort ?? ""}
          onChange={(event) => updateSettings({ reasoningEffort: event.target.value || undefined })}
          className={fieldClass}
        >
          <option value="">{settingsText.modelDefaultOption}</option>
          {reasoningEfforts.map((effort) => (
            <option key={effort} value={effort}>
              {settingsText.effort[effort]}
            </option>
          ))}
        </select>
      </label>
      <label className="mt-4 block text-sm font-medium">
        {settingsText.temperature(settings.temperature === undefined ? settingsText.modelDefault : settings.temperature.toFixed(1))}
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
      <NewChatSettings settings={settings} />
      <BackupControls />
      <ShortcutList />
      <LockButton onLocked={() => onClose()} />
      <div className="mt-5 flex justify-between gap-2">
        <button
          type="button"
          onClick={() => updateSettings({ temperature: undefined })}
          className="rounded-lg px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          {settingsText.defaultTemperature}
        </button>
        <button type="button" onClick={() => onClose()} className="rounded-lg bg-blue-600 px-4 py-2 text-sm font-medium text-white hover:bg-blue-700 forced-colors:border">
          {settingsText.done}
        </button>
      </div>
    </>
  );
}
