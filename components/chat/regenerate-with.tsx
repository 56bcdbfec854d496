"use client";

import { useChatActions } from "@/components/chat/chat-store-provider";
import { useModels } from "@/components/chat/use-models";
import { useMessageTexts } from "@/components/chat/use-message-texts";

/**
 * Beside Regenerate, when the server offers more than one model: the last
 * answer written again by another one, in one step. The chosen model becomes
 * the conversation's (Settings → Model says so, and the next turns use it),
 * and the answer it replaces stays as a version to compare with. A native
 * select, drawn as a small chevron: keyboards and screen readers know it.
 */
export function RegenerateWith({ className }: { className: string }) {
  const models = useModels();
  const { updateSettings, regenerate } = useChatActions();
  const texts = useMessageTexts();
  if (!models || models.models.length < 2) return null;
  return (
    <span className={`relative flex items-center focus-within:outline-2 focus-within:outline-(--focus-ring) ${className}`}>
      <svg aria-hidden viewBox="0 0 20 20" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="m5 8 5 5 5-5" />
      </svg>
      <select
        aria-label={texts.regenerateWith}
        title={texts.regenerateWith}
        value=""
        onChange={(event) => {
          const model = event.target.value;
          if (!model) return;
          updateSettings({ model });
          void regenerate();
        }}
        className="absolute inset-0 cursor-pointer opacity-0"
      >
        <option value="" disabled>
          {texts.regenerateWith}
        </option>
        {models.models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.label}
          </option>
        ))}
      </select>
    </span>
  );
}
