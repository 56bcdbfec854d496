"use client";

import { useCompareStore } from "@/components/compare/compare-store-provider";
import { laneStyle } from "@/components/compare/lane-style";
import { TimelineLegend } from "@/components/compare/timeline-legend";
import { TimelineSummary } from "@/components/compare/timeline-summary";
import { useElementWidth } from "@/components/compare/use-element-width";
import { laneNames } from "@/lib/store/compare";
import { timelineGeometry } from "@/lib/compare/timeline-geometry";
import { cn } from "@/lib/ui/cn";

const height = 260;
const axisText = "fill-slate-600 text-[11px] dark:fill-slate-400";

/**
 * Characters on screen over time, for both lanes, drawn live every frame of a
 * run: first and last characters marked, the head start shaded, and a tick
 * under the axis for each chunk the streamed lane got off the network.
 */
export function TimelineChart() {
  const lanes = useCompareStore((state) => state.lanes);
  const elapsedMs = useCompareStore((state) => state.elapsedMs);
  const { ref, width } = useElementWidth<HTMLDivElement>(640);
  const geometry = timelineGeometry({ lanes, elapsedMs, width, height });
  const { plot } = geometry;
  const streamedFirst = geometry.lanes.streaming.firstToken;
  const wholeFirst = geometry.lanes.nonStreaming.firstToken;
  return (
    <figure aria-labelledby="timeline-title" className="flex flex-col gap-3 rounded-2xl border border-slate-200 p-4 dark:border-slate-800">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="timeline-title" className="font-semibold text-slate-900 dark:text-slate-100">
          Characters on screen over time
        </h2>
        <TimelineLegend />
      </figcaption>
      <div ref={ref} className="min-w-0">
        <svg width={width} height={height} role="img" aria-labelledby="timeline-title" aria-describedby="timeline-summary" className="block">
          {streamedFirst && wholeFirst && wholeFirst.x > streamedFirst.x && (
            <g>
              <rect x={streamedFirst.x} y={plot.top} width={wholeFirst.x - streamedFirst.x} height={plot.bottom - plot.top} className="fill-blue-500/10" />
              <text x={(streamedFirst.x + wholeFirst.x) / 2} y={plot.top + 14} textAnchor="middle" className="fill-blue-700 text-[11px] dark:fill-blue-300">
                reading while the other waits
              </text>
            </g>
          )}
          {geometry.yTicks.map((tick) => (
            <g key={`y${tick.label}`}>
              <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} className="stroke-slate-200 dark:stroke-slate-800" />
              <text x={plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end" className={axisText}>
                {tick.label}
              </text>
            </g>
          ))}
          {geometry.xTicks.map((tick) => (
            // The last label ends at the edge instead of running past it.
            <text key={`x${tick.label}`} x={tick.x} y={plot.bottom + 26} textAnchor={tick.x > plot.right - 24 ? "end" : "middle"} className={axisText}>
              {tick.label}
            </text>
          ))}
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className="stroke-slate-400 dark:stroke-slate-600" />
          {geometry.arrivalXs.map((x, index) => (
            <line key={index} x1={x} x2={x} y1={plot.bottom + 3} y2={plot.bottom + 11} className="stroke-blue-600/60 dark:stroke-blue-400/60" />
          ))}
          {laneNames.map((name) => {
            const lane = geometry.lanes[name];
            const style = laneStyle[name];
            return (
              <g key={name}>
                <path d={lane.path} fill="none" strokeWidth={2} strokeLinejoin="round" className={style.stroke} />
                {lane.firstToken && (
                  <g>
                    <line x1={lane.firstToken.x} x2={lane.firstToken.x} y1={lane.firstToken.y} y2={plot.bottom} strokeDasharray="3 3" className={style.stroke} />
                    <circle cx={lane.firstToken.x} cy={lane.firstToken.y} r={4.5} className={style.fill}>
                      <title>{`${style.title}: first characters on screen at ${Math.round(lane.firstToken.atMs)} ms`}</title>
                    </circle>
                  </g>
                )}
                {lane.lastToken && (
                  <rect x={lane.lastToken.x - 4} y={lane.lastToken.y - 4} width={8} height={8} className={cn(style.fill, "stroke-white dark:stroke-slate-950")}>
                    <title>{`${style.title}: whole answer on screen at ${Math.round(lane.lastToken.atMs)} ms`}</title>
                  </rect>
                )}
              </g>
            );
          })}
          <text x={12} y={(plot.top + plot.bottom) / 2} transform={`rotate(-90 12 ${(plot.top + plot.bottom) / 2})`} textAnchor="middle" className={axisText}>
            characters
          </text>
        </svg>
      </div>
      <TimelineSummary />
    </figure>
  );
}
