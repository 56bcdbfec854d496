"use client";

import { useCompareStore } from "@/components/compare/compare-store-provider";
import { formatMs, formatRate, laneStyle } from "@/components/compare/lane-style";
import { laneMetrics } from "@/lib/compare/lane-metrics";
import { laneNames, type CompareLane } from "@/lib/store/compare";

function sentenceFor(name: "streaming" | "nonStreaming", lane: CompareLane): string {
  const metrics = laneMetrics(lane.screen, { streamed: name === "streaming", tokens: lane.tokens, reasoningFirstMs: lane.reasoningFirstMs });
  const title = laneStyle[name].title;
  if (metrics.firstTokenMs === undefined) return `${title}: nothing on screen yet.`;
  if (name === "nonStreaming") return `${title}: nothing until ${formatMs(metrics.firstTokenMs)}, then all ${metrics.characters} characters at once.`;
  const whole = lane.status === "done" ? `, the whole answer (${metrics.characters} characters) at ${formatMs(metrics.totalMs)}` : `, ${metrics.characters} so far`;
  return `${title}: first characters at ${formatMs(metrics.firstTokenMs)}${whole}, in ${lane.arrivals.length} chunks.`;
}

/** The chart's text alternative: a sentence per lane, and its key moments as a table. */
export function TimelineSummary() {
  const lanes = useCompareStore((state) => state.lanes);
  const started = useCompareStore((state) => state.phase !== "idle");
  return (
    <div className="text-sm text-slate-700 dark:text-slate-300">
      <p id="timeline-summary">{started ? laneNames.map((name) => sentenceFor(name, lanes[name])).join(" ") : "No run yet: press Run, and both lines are drawn as the answers arrive."}</p>
      <details className="mt-2">
        <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">The chart as a table</summary>
        <table className="mt-2 w-full text-left text-xs">
          <thead>
            <tr className="text-slate-600 dark:text-slate-400">
              <th className="py-1 pr-2 font-medium">Lane</th>
              <th className="py-1 pr-2 font-medium">First characters on screen</th>
              <th className="py-1 pr-2 font-medium">Whole answer on screen</th>
              <th className="py-1 pr-2 font-medium">Characters</th>
              <th className="py-1 pr-2 font-medium">Chunks</th>
              <th className="py-1 font-medium">Speed</th>
            </tr>
          </thead>
          <tbody className="font-mono tabular-nums">
            {laneNames.map((name) => {
              const lane = lanes[name];
              const metrics = laneMetrics(lane.screen, { streamed: name === "streaming", tokens: lane.tokens, reasoningFirstMs: lane.reasoningFirstMs });
              return (
                <tr key={name} className="border-t border-slate-200 dark:border-slate-800">
                  <th className="py-1 pr-2 font-sans font-medium">{laneStyle[name].title}</th>
                  <td className="py-1 pr-2">{formatMs(metrics.firstTokenMs)}</td>
                  <td className="py-1 pr-2">{lane.status === "done" ? formatMs(metrics.totalMs) : "—"}</td>
                  <td className="py-1 pr-2">{metrics.characters}</td>
                  <td className="py-1 pr-2">{name === "streaming" ? lane.arrivals.length : lane.status === "done" ? 1 : 0}</td>
                  <td className="py-1">{lane.status === "done" ? formatRate(metrics.tokensPerSecond) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
