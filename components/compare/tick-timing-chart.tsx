"use client";

import { scaleLinear } from "d3-scale";
import { useElementWidth } from "@/components/compare/use-element-width";
import type { TickTiming } from "@/lib/health/analyze-stream-health";

const rows = [
  { key: "sentMs", label: "sent", y: 18 },
  { key: "arrivedMs", label: "arrived", y: 46 },
] as const;

/** The ticks on two rows, as the server sent them and as the browser got them: buffering shows as dots bunched at the end. */
export function TickTimingChart({ ticks }: { ticks: readonly TickTiming[] }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(600);
  const span = Math.max(1, ...ticks.flatMap((tick) => [tick.sentMs, tick.arrivedMs]));
  const x = scaleLinear().domain([0, span]).range([64, width - 12]);
  const describe = (key: "sentMs" | "arrivedMs") => ticks.map((tick) => Math.round(tick[key])).join(", ");
  return (
    <div ref={ref} className="min-w-0">
      <svg
        width={width}
        height={64}
        role="img"
        aria-label={`Ticks sent at ${describe("sentMs")} ms; arrived at ${describe("arrivedMs")} ms (from the first tick).`}
        className="block"
      >
        {rows.map((row) => (
          <g key={row.key}>
            <text x={0} y={row.y} dy="0.32em" className="fill-slate-600 text-[11px] dark:fill-slate-400">
              {row.label}
            </text>
            <line x1={64} x2={width - 12} y1={row.y} y2={row.y} className="stroke-slate-200 dark:stroke-slate-800" />
            {ticks.map((tick) => (
              <circle key={tick.sequence} cx={x(tick[row.key])} cy={row.y} r={4} className={row.key === "sentMs" ? "fill-slate-500" : "fill-blue-600 dark:fill-blue-400"} />
            ))}
          </g>
        ))}
      </svg>
    </div>
  );
}
