"use client";

import { useMessageTexts } from "@/components/chat/use-message-texts";
import { cn } from "@/lib/ui/cn";

/**
 * "‹ 2 / 3 ›" under a regenerated answer or an edited question: what they
 * replaced is kept, and any version can be shown again (`shown` and
 * `onShow` count from 0).
 */
export function VersionSwitcher({ count, shown, onShow, className }: { count: number; shown: number; onShow: (index: number) => void; className: string }) {
  const texts = useMessageTexts();
  const buttonClass = cn(className, "min-w-6 text-sm leading-4 disabled:opacity-40");
  return (
    <div role="group" aria-label={texts.versions} className="flex items-center">
      <button type="button" aria-label={texts.previousVersion} disabled={shown === 0} onClick={() => onShow(shown - 1)} className={buttonClass}>
        ‹
      </button>
      <span className="px-1 text-xs tabular-nums text-slate-600 dark:text-slate-400">
        {shown + 1} / {count}
      </span>
      <button type="button" aria-label={texts.nextVersion} disabled={shown === count - 1} onClick={() => onShow(shown + 1)} className={buttonClass}>
        ›
      </button>
    </div>
  );
}
