"use client";

import { memo, Suspense, useEffect } from "react";
import { useCompareStore } from "@/components/compare/compare-store-provider";
import { LaneMetricsList } from "@/components/compare/lane-metrics-list";
import { LaneReasoning } from "@/components/compare/lane-reasoning";
import { laneStyle } from "@/components/compare/lane-style";
import { useFollowBottom } from "@/components/chat/use-follow-bottom";
import { LazyMarkdownMessage, preloadMarkdown } from "@/components/markdown/lazy-markdown-message";
import type { LaneName } from "@/lib/compare/lane-metrics";
import { cn } from "@/lib/ui/cn";

/** What the lane is doing, with the wait counted in tenths of a second (so it re-renders ten times a second, not every frame). */
function LaneProgress({ name }: { name: LaneName }) {
  const status = useCompareStore((state) => state.lanes[name].status);
  const reasoning = useCompareStore((state) => state.lanes[name].reasoning !== "");
  const running = useCompareStore((state) => state.phase === "running");
  const waitedTenths = useCompareStore((state) => (state.phase === "running" && state.lanes[name].status === "waiting" ? Math.floor(state.elapsedMs / 100) : 0));
  let text = "";
  if (!running && status === "waiting") text = "";
  else if (status === "waiting") text = `${reasoning ? "thinking" : "waiting"} ${(waitedTenths / 10).toFixed(1)} s`;
  else if (status === "streaming") text = "writing…";
  else if (status === "done") text = "done";
  else if (status === "stopped") text = "stopped";
  else text = "failed";
  return <span className="text-xs tabular-nums text-slate-600 dark:text-slate-400">{text}</span>;
}

function placeholderFor(name: LaneName, started: boolean): string {
  if (!started) return "Press Run to start.";
  return name === "streaming" ? "Waiting for the first token…" : "Waiting for the whole answer…";
}

/** One side of the comparison: its answer as a person sees it, then its times. */
export const CompareLane = memo(function CompareLane({ name }: { name: LaneName }) {
  const lane = useCompareStore((state) => state.lanes[name]);
  const started = useCompareStore((state) => state.phase !== "idle");
  const { scrollerRef } = useFollowBottom<HTMLDivElement>();
  const style = laneStyle[name];
  useEffect(preloadMarkdown, []);
  // Reasoning written into the answer between <think> tags is in `reasoning` too (lib/chat/thinking-splitter.ts).
  const { text: answer, reasoning } = lane;
  return (
    <section
      aria-label={style.title}
      aria-busy={lane.status === "waiting" || lane.status === "streaming"}
      data-lane={name}
      data-status={lane.status}
      className="flex min-w-0 flex-col rounded-2xl border border-slate-200 dark:border-slate-800"
    >
      <div className="flex items-start justify-between gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <div className="min-w-0">
          <h2 className="font-semibold text-slate-900 dark:text-slate-100">
            <span aria-hidden className={cn("mr-2 inline-block size-2.5 rounded-full", style.dot)} />
            {style.title}
          </h2>
          <p className="text-xs text-slate-600 dark:text-slate-400">{style.note}</p>
        </div>
        <LaneProgress name={name} />
      </div>
      <div ref={scrollerRef} className="h-56 overflow-y-auto px-4 py-3 sm:h-64">
        <div>
          {answer === "" && lane.status !== "error" && <p className="text-sm text-slate-500 dark:text-slate-400">{placeholderFor(name, started)}</p>}
          {reasoning && <LaneReasoning reasoning={reasoning} answered={answer !== ""} writing={lane.status === "waiting" || lane.status === "streaming"} />}
          {/* Rendered as the chat renders it, so each lane looks the way a reader of that kind of app sees it. */}
          <div data-part="answer" className="break-words text-sm leading-6 text-slate-900 dark:text-slate-100">
            <Suspense fallback={<span className="whitespace-pre-wrap">{answer}</span>}>
              <LazyMarkdownMessage text={answer} streaming={lane.status === "streaming"} />
            </Suspense>
          </div>
          {lane.error && (
            <p role="alert" className="mt-2 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
              {lane.error.message}
            </p>
          )}
        </div>
      </div>
      <LaneMetricsList name={name} />
    </section>
  );
});
