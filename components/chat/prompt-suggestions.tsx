"use client";

import { useChatActions } from "@/components/chat/chat-store-provider";
import { useLocale } from "@/components/preferences/use-preferences";
import { suggestionTexts } from "@/lib/i18n/suggestion-texts";

/**
 * Under an empty chat: a few questions to send with one click, each showing
 * something the page does (see lib/i18n/suggestion-texts.ts). A chunk of its
 * own: it comes just after the page, and nothing moves when it does (there is
 * nothing under it).
 */
export function PromptSuggestions() {
  const { send } = useChatActions();
  const { label, suggestions } = suggestionTexts[useLocale()];
  return (
    <div role="group" aria-label={label} className="mx-auto grid w-full max-w-3xl grid-cols-2 gap-2 px-4 pb-6">
      {suggestions.map(({ title, prompt }) => (
        <button
          key={title}
          type="button"
          onClick={() => void send(prompt)}
          className="rounded-xl border border-slate-200 px-4 py-3 text-left text-sm hover:bg-slate-100 dark:border-slate-800 dark:hover:bg-slate-900"
        >
          <span className="block font-medium text-slate-900 dark:text-slate-100">{title}</span>
          {/* On a phone, the title alone: four cards fit above the message box. */}
          <span className="hidden text-slate-600 sm:block dark:text-slate-400">{prompt}</span>
        </button>
      ))}
    </div>
  );
}
