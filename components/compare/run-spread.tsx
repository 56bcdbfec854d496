"use client";

import { useCompareStore } from "@/components/compare/compare-store-provider";
import { formatMs, laneStyle } from "@/components/compare/lane-style";
import { spreadOf, type LaneMetrics, type Spread } from "@/lib/compare/lane-metrics";
import { laneNames } from "@/lib/store/compare";

function SpreadCell({ spread, unit, metric }: { spread: Spread | undefined; unit: "ms" | "tokens/s"; metric: string }) {
  if (!spread) return <td className="py-1.5 pr-3">—</td>;
  const format = (value: number) => (unit === "ms" ? formatMs(value) : `${Math.round(value)}`);
  return (
    <td data-metric={metric} className="py-1.5 pr-3">
      <span className="font-semibold text-slate-900 dark:text-slate-100">{format(spread.median)}</span>
      <span className="text-slate-600 dark:text-slate-400">
        {" "}
        ({Math.round(spread.min)}–{Math.round(spread.max)}
        {unit === "ms" ? " ms" : ""})
      </span>
    </td>
  );
}

const columns: Array<{ key: keyof LaneMetrics; label: string; unit: "ms" | "tokens/s"; metric: string }> = [
  { key: "firstTokenMs", label: "Time to first token", unit: "ms", metric: "first-token" },
  { key: "totalMs", label: "Total time", unit: "ms", metric: "total" },
  { key: "tokensPerSecond", label: "Tokens/s", unit: "tokens/s", metric: "tokens-per-second" },
];

/** Median, min and max of every finished run of the series, for both lanes: one run can be luck. */
export function RunSpread() {
  const results = useCompareStore((state) => state.results);
  const runCount = useCompareStore((state) => state.runCount);
  if (runCount <= 1 || results.length === 0) return null;
  return (
    <section aria-label="Spread over runs" className="rounded-2xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 className="font-semibold text-slate-900 dark:text-slate-100">
        Spread over {results.length} {results.length === 1 ? "run" : "runs"}
      </h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">Median, then lowest–highest in brackets.</p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm tabular-nums">
          <thead>
            <tr className="text-xs text-slate-600 dark:text-slate-400">
              <th className="py-1.5 pr-3 font-medium">Lane</th>
              {columns.map((column) => (
                <th key={column.key} className="py-1.5 pr-3 font-medium">
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {laneNames.map((name) => (
              <tr key={name} data-lane={name} className="border-t border-slate-200 dark:border-slate-800">
                <th className="py-1.5 pr-3 font-medium text-slate-900 dark:text-slate-100">{laneStyle[name].title}</th>
                {columns.map((column) => (
                  <SpreadCell key={column.key} metric={column.metric} unit={column.unit} spread={spreadOf(results.map((result) => result[name][column.key]))} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
