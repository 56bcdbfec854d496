"use client";

import { useCompareStore } from "@/components/compare/compare-store-provider";
import { useExplanationLocale } from "@/components/compare/use-explanation-locale";
import { arrivedInOneBurst, explainComparison, explanationHeading, introText } from "@/lib/compare/explanation";
import { spreadOf } from "@/lib/compare/lane-metrics";

/** What the page does, in the reader's language, before anything has run. */
export function CompareIntro() {
  const locale = useExplanationLocale();
  return (
    <p lang={locale} className="max-w-3xl text-sm leading-relaxed text-slate-700 dark:text-slate-300">
      {introText(locale)}
    </p>
  );
}

/** After a run (or several), a few plain sentences on what the person just saw, with the medians. */
export function ComparisonExplanation() {
  const locale = useExplanationLocale();
  const results = useCompareStore((state) => state.results);
  const finished = useCompareStore((state) => state.phase === "finished");
  const streamedInOneBurst = useCompareStore((state) => arrivedInOneBurst(state.lanes.streaming.arrivals));
  const streamingFirstMs = spreadOf(results.map((result) => result.streaming.firstTokenMs))?.median;
  const streamingReasoningMs = spreadOf(results.map((result) => result.streaming.reasoningFirstMs))?.median;
  const streamingTotalMs = spreadOf(results.map((result) => result.streaming.totalMs))?.median;
  const wholeTotalMs = spreadOf(results.map((result) => result.nonStreaming.totalMs))?.median;
  const ready = finished && streamingFirstMs !== undefined && streamingTotalMs !== undefined && wholeTotalMs !== undefined;
  return (
    <section aria-live="polite" lang={locale} className={ready ? "rounded-2xl bg-blue-50 p-4 dark:bg-blue-950/40" : "sr-only"}>
      {ready && (
        <>
          <h2 className="font-semibold text-slate-900 dark:text-slate-100">{explanationHeading(locale)}</h2>
          {explainComparison(locale, { streamingFirstMs, streamingTotalMs, wholeTotalMs, runs: results.length, streamedInOneBurst, streamingReasoningMs }).map((paragraph) => (
            <p key={paragraph} className="mt-2 max-w-3xl text-sm leading-relaxed text-slate-800 dark:text-slate-200">
              {paragraph}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
