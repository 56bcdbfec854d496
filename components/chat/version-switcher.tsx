"use client";

import { useChatActions } from "@/components/chat/chat-store-provider";
import { useTranslations } from "@/components/preferences/use-preferences";
import type { Message } from "@/lib/store/chat-types";
import { cn } from "@/lib/ui/cn";

/** "‹ 2 / 3 ›" under a regenerated answer: the answers it replaced are kept, and any of them can be the answer again. */
export function VersionSwitcher({ message, className }: { message: Message; className: string }) {
  const { showVersion } = useChatActions();
  const t = useTranslations();
  const count = (message.versions?.length ?? 0) + 1;
  const shown = Math.min(message.version ?? count - 1, count - 1);
  return (
    <div role="group" aria-label={t.message.versions} className="flex items-center">
      <button type="button" aria-label={t.message.previousVersion} disabled={shown === 0} onClick={() => showVersion(message.id, shown - 1)} className={cn(className, "min-w-6 text-sm leading-4 disabled:opacity-40")}>
        ‹
      </button>
      <span className="px-1 text-xs tabular-nums text-slate-600 dark:text-slate-400">
        {shown + 1} / {count}
      </span>
      <button type="button" aria-label={t.message.nextVersion} disabled={shown === count - 1} onClick={() => showVersion(message.id, shown + 1)} className={cn(className, "min-w-6 text-sm leading-4 disabled:opacity-40")}>
        ›
      </button>
    </div>
  );
}
