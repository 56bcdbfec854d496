"use client";

import { useChatStore } from "@/components/chat/chat-store-provider";
import { useTranslations } from "@/components/preferences/use-preferences";
import { cn } from "@/lib/ui/cn";

/** Streaming on or off, for the next answer. Named "Stream responses" in every language, as the protocol names it. */
export function StreamSwitch() {
  const t = useTranslations();
  const streamResponses = useChatStore((state) => state.streamResponses);
  const setStreamResponses = useChatStore((state) => state.setStreamResponses);
  return (
    <label className="flex cursor-pointer select-none items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      <button
        type="button"
        role="switch"
        aria-label="Stream responses"
        aria-checked={streamResponses}
        onClick={() => setStreamResponses(!streamResponses)}
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors",
          streamResponses ? "bg-blue-600 dark:bg-blue-500" : "bg-slate-500",
        )}
      >
        <span className={cn("inline-block h-4 w-4 rounded-full bg-white shadow transition-transform", streamResponses ? "translate-x-4.5" : "translate-x-0.5")} />
      </button>
      {t.composer.streamResponses}
    </label>
  );
}
