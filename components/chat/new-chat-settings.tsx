"use client";

import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { useSettingsTexts } from "@/components/chat/use-settings-texts";
import type { ConversationSettings as Settings } from "@/lib/store/chat-types";
import { noSettings } from "@/lib/store/conversation-changes";

const sameSettings = (one: Settings, other: Settings) =>
  one.systemPrompt === other.systemPrompt && one.model === other.model && one.temperature === other.temperature && one.reasoningEffort === other.reasoningEffort;

/**
 * Makes the shown conversation's settings what new chats start with (a system
 * prompt and a model chosen once, as ChatGPT keeps its model and custom
 * instructions), and says when they already are. The button stays where it
 * is, pressed or not, so focus never falls out of the dialog; settings equal
 * to none are kept as none.
 */
export function NewChatSettings({ settings }: { settings: Settings }) {
  const newChatSettings = useChatStore((state) => state.newChatSettings) ?? noSettings;
  const { setNewChatSettings } = useChatActions();
  const settingsText = useSettingsTexts();
  const same = sameSettings(settings, newChatSettings);
  return (
    <div className="mt-4 flex flex-wrap items-center gap-x-3 gap-y-1">
      <button
        type="button"
        onClick={() => setNewChatSettings(sameSettings(settings, noSettings) ? undefined : settings)}
        className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {settingsText.useForNewChats}
      </button>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {same ? settingsText.newChatsStartSo : ""}
      </p>
    </div>
  );
}
