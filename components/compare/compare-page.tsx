"use client";

import Link from "next/link";
import { CompareForm } from "@/components/compare/compare-form";
import { CompareLane } from "@/components/compare/compare-lane";
import { CompareStoreProvider } from "@/components/compare/compare-store-provider";
import { CompareIntro, ComparisonExplanation } from "@/components/compare/comparison-explanation";
import { RunSpread } from "@/components/compare/run-spread";
import { StreamHealthPanel } from "@/components/compare/stream-health-panel";
import { TimelineChart } from "@/components/compare/timeline-chart";
import { HeaderPreferences } from "@/components/preferences/header-preferences";

/** The side-by-side demo: the same prompt streamed and not, timed as a person sees it; then whether this deployment really streams. */
export function ComparePage() {
  return (
    <CompareStoreProvider>
      <div className="min-h-dvh bg-white dark:bg-slate-950">
        <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
          <h1 className="min-w-0 flex-1 truncate text-base font-semibold text-slate-900 dark:text-slate-100">Streaming vs non-streaming</h1>
          <Link href="/" className="rounded-lg px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Chat
          </Link>
          <HeaderPreferences />
        </header>
        <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 px-4 py-5">
          <CompareIntro />
          <CompareForm />
          <div className="grid gap-4 md:grid-cols-2">
            <CompareLane name="streaming" />
            <CompareLane name="nonStreaming" />
          </div>
          <ComparisonExplanation />
          <TimelineChart />
          <RunSpread />
          <StreamHealthPanel />
        </main>
      </div>
    </CompareStoreProvider>
  );
}
