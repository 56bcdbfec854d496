"use client";

import { useChatStore } from "@/components/chat/chat-store-provider";
import { cn } from "@/lib/ui/cn";

/** Streaming on or off, for the next answer. */
export function StreamSwitch() {
  const streamResponses = useChatStore((state) => state.streamResponses);
  const setStreamResponses = useChatStore((state) => state.setStreamResponses);
  return (
    <label className="flex cursor-pointer select-none items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      <button
        type="button"
        role="switch"
        aria-checked={streamResponses}
        onClick={() => setStreamResponses(!streamResponses)}
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
          streamResponses ? "bg-blue-600" : "bg-slate-400 dark:bg-slate-600",
        )}
      >
        <span className={cn("inline-block h-4 w-4 rounded-full bg-white shadow transition-transform", streamResponses ? "translate-x-4.5" : "translate-x-0.5")} />
      </button>
      Stream responses
    </label>
  );
}
