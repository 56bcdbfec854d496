"use client";

import { useCompareStore } from "@/components/compare/compare-store-provider";
import { formatMs, formatRate } from "@/components/compare/lane-style";
import { laneMetrics, type LaneName } from "@/lib/compare/lane-metrics";

/** Time to first token (once known), total time (once done) and speed, under a lane. */
export function LaneMetricsList({ name }: { name: LaneName }) {
  const lane = useCompareStore((state) => state.lanes[name]);
  const streamed = name === "streaming";
  const metrics = laneMetrics(lane.screen, { streamed, tokens: lane.tokens, reasoningFirstMs: lane.reasoningFirstMs });
  const done = lane.status === "done";
  const items = [
    { label: "Time to first token", metric: "first-token", value: formatMs(metrics.firstTokenMs) },
    { label: "Total time", metric: "total", value: done ? formatMs(metrics.totalMs ?? lane.endedMs) : "—" },
    { label: streamed ? "Speed while writing" : "Speed, whole wait", metric: "tokens-per-second", value: done ? formatRate(metrics.tokensPerSecond) : "—" },
  ];
  return (
    <dl className="grid grid-cols-3 gap-2 border-t border-slate-200 px-4 py-3 dark:border-slate-800">
      {items.map((item) => (
        <div key={item.metric} className="min-w-0">
          <dt className="text-xs text-slate-600 dark:text-slate-400">{item.label}</dt>
          <dd data-metric={item.metric} className="font-mono text-sm tabular-nums text-slate-900 dark:text-slate-100">
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
