"use client";

import { Suspense, type SyntheticEvent, useRef, useState } from "react";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { LazyMarkdownMessage } from "@/components/markdown/lazy-markdown-message";
import { useLocale, useTranslations } from "@/components/preferences/use-preferences";

/**
 * What a reasoning model thought before its answer, above the answer. Open
 * while there is no answer yet, so that a person waiting sees the thinking
 * grow rather than a blank message; closed once the answer begins, to a
 * line that says how long it thought. The reader's own opening or closing
 * wins from then on. Rendered as the answer is (models reason in lists,
 * bold and formulas too), by the same renderer, which parses only the block
 * being written on each frame.
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
  const texts = useMessageTexts();
  const locale = useLocale();
  const [chosen, setChosen] = useState<boolean>();
  const textRef = useRef<HTMLDivElement>(null);
  const open = chosen ?? !answered;
  // `toggle` also follows the page's own opening and closing: only a change the page did not make is the reader's.
  const onToggle = (event: SyntheticEvent<HTMLDetailsElement>) => {
    if (event.currentTarget.open !== open) setChosen(event.currentTarget.open);
  };
  let summary = texts.reasoning;
  if (thinking) summary = t.message.thinking;
  else if (reasoningMs !== undefined) {
    summary = texts.thoughtFor(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, reasoningMs / 1000)));
  }
  return (
    <details data-part="reasoning" open={open} onToggle={onToggle} className="mb-3 text-sm text-slate-600 dark:text-slate-400">
      <summary className={thinking ? "w-fit cursor-pointer animate-pulse" : "w-fit cursor-pointer"}>{summary}</summary>
      {/* Folded, it is out of view: a long conversation's reasonings are formatted when the browser is idle, or opened. */}
      <div ref={textRef} data-part="reasoning-text" className="mt-2 border-l-2 border-slate-300 pl-3 leading-6 dark:border-slate-600">
        <Suspense fallback={<span className="whitespace-pre-wrap">{reasoning}</span>}>
          <LazyMarkdownMessage text={reasoning} streaming={thinking} viewRef={textRef} />
        </Suspense>
      </div>
    </details>
  );
}
