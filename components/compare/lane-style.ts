import type { LaneName } from "@/lib/compare/lane-metrics";

/**
 * How each lane is named and coloured, the same in the lanes, the chart and the tables. A dot keeps its colour in a
 * contrast theme (forced colours, which paints backgrounds over): the chart's lines keep theirs there, and the dots
 * are their key.
 */
export const laneStyle: Record<LaneName, { title: string; note: string; dot: string; stroke: string; fill: string }> = {
  streaming: {
    title: "Streaming",
    note: "shows each piece as it arrives",
    dot: "bg-blue-600 dark:bg-blue-400 forced-color-adjust-none",
    stroke: "stroke-blue-600 dark:stroke-blue-400",
    fill: "fill-blue-600 dark:fill-blue-400",
  },
  nonStreaming: {
    title: "Non-streaming",
    note: "waits for the whole answer",
    dot: "bg-amber-600 dark:bg-amber-400 forced-color-adjust-none",
    stroke: "stroke-amber-600 dark:stroke-amber-400",
    fill: "fill-amber-600 dark:fill-amber-400",
  },
};

export const formatMs = (ms: number | undefined) => (ms === undefined ? "—" : `${Math.round(ms)} ms`);
export const formatRate = (perSecond: number | undefined) => (perSecond === undefined ? "—" : `${Math.round(perSecond)} tokens/s`);
