"use client";

import { type SyntheticEvent, useState } from "react";
import { useLocale, useTranslations } from "@/components/preferences/use-preferences";

/**
 * What a reasoning model thought before its answer, above the answer. Open
 * while there is no answer yet, so that a person waiting sees the thinking
 * grow rather than a blank message; closed once the answer begins, to a
 * line that says how long it thought. The reader's own opening or closing
 * wins from then on. Plain text, as written: a model's notes to itself,
 * often long, re-rendered every frame while they grow.
 */
export function MessageReasoning({
  reasoning,
  answered,
  thinking,
  reasoningMs,
}: {
  reasoning: string;
  /** The answer's text has begun. */
  answered: boolean;
  /** The model is still reasoning (the answer is in flight and has no text yet). */
  thinking: boolean;
  reasoningMs: number | undefined;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const [chosen, setChosen] = useState<boolean>();
  const open = chosen ?? !answered;
  // `toggle` also follows the page's own opening and closing: only a change the page did not make is the reader's.
  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (event.currentTarget.open !== open) setChosen(event.currentTarget.open);
  };
  let summary = t.message.reasoning;
  if (thinking) summary = t.message.thinking;
  else if (reasoningMs !== undefined) {
    summary = t.message.thoughtFor(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, reasoningMs / 1000)));
  }
  return (
    <details data-part="reasoning" open={open} onToggle={onToggle} className="mb-3 text-sm text-slate-600 dark:text-slate-400">
      <summary className={thinking ? "w-fit cursor-pointer animate-pulse" : "w-fit cursor-pointer"}>{summary}</summary>
      <div className="mt-2 whitespace-pre-wrap border-l-2 border-slate-300 pl-3 leading-6 dark:border-slate-600">{reasoning}</div>
    </details>
  );
}
