import { scaleLinear } from "d3-scale";
import type { LaneName, ScreenSample } from "@/lib/compare/lane-metrics";

export interface TimelineLaneInput {
  screen: readonly ScreenSample[];
  /** Network arrivals of the streamed lane's deltas. */
  arrivals: readonly number[];
  endedMs?: number;
}

export interface TimelineInput {
  lanes: Record<LaneName, TimelineLaneInput>;
  /** The clock of the run: lines of lanes still running reach it. */
  elapsedMs: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
  atMs: number;
}

export interface TimelineLaneGeometry {
  /** A step line: characters stay on screen until the next frame adds more. */
  path: string;
  firstToken?: Point;
  lastToken?: Point;
}

export interface TimelineGeometry {
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Array<{ x: number; label: string }>;
  yTicks: Array<{ y: number; label: string }>;
  lanes: Record<LaneName, TimelineLaneGeometry>;
  /** x of each chunk of the streamed lane as it came off the network. */
  arrivalXs: number[];
}

const margin = { left: 48, right: 16, top: 12, bottom: 40 };
/** The smallest span drawn, so that a fast run does not fill the chart with one frame. */
const minimumSpanMs = 500;

function timeLabel(ms: number, spanMs: number): string {
  return spanMs >= 2_000 ? `${Number((ms / 1000).toFixed(2))} s` : `${ms} ms`;
}

function laneGeometry(lane: TimelineLaneInput, toX: (ms: number) => number, toY: (characters: number) => number, endMs: number): TimelineLaneGeometry {
  const round = (value: number) => Math.round(value * 10) / 10;
  let path = `M${round(toX(0))},${round(toY(0))}`;
  for (const sample of lane.screen) path += `H${round(toX(sample.atMs))}V${round(toY(sample.characters))}`;
  path += `H${round(toX(Math.max(endMs, lane.screen.at(-1)?.atMs ?? 0)))}`;
  const point = (sample: ScreenSample | undefined): Point | undefined =>
    sample && { x: round(toX(sample.atMs)), y: round(toY(sample.characters)), atMs: sample.atMs };
  const first = lane.screen.find((sample) => sample.characters > 0);
  return { path, firstToken: point(first), lastToken: lane.endedMs === undefined ? undefined : point(lane.screen.at(-1)) };
}

/** Where everything of the "characters on screen over time" chart goes, in pixels of a width × height SVG. */
export function timelineGeometry(input: TimelineInput): TimelineGeometry {
  const { lanes, width, height } = input;
  const plot = { left: margin.left, top: margin.top, right: Math.max(margin.left + 1, width - margin.right), bottom: Math.max(margin.top + 1, height - margin.bottom) };
  const all = [lanes.streaming, lanes.nonStreaming];
  const endOf = (lane: TimelineLaneInput) => lane.endedMs ?? input.elapsedMs;
  const spanMs = Math.max(minimumSpanMs, ...all.map(endOf), ...all.flatMap((lane) => lane.arrivals));
  const maxCharacters = Math.max(10, ...all.map((lane) => lane.screen.at(-1)?.characters ?? 0));
  // About one time label per 90 px, so that they never run into each other on a phone.
  const xTickCount = Math.max(2, Math.min(6, Math.floor((plot.right - plot.left) / 90)));
  const x = scaleLinear().domain([0, spanMs]).range([plot.left, plot.right]).nice(xTickCount);
  const y = scaleLinear().domain([0, maxCharacters]).range([plot.bottom, plot.top]).nice(5);
  const niceSpan = x.domain()[1] ?? spanMs;
  return {
    plot,
    xTicks: x.ticks(xTickCount).map((ms) => ({ x: x(ms), label: timeLabel(ms, niceSpan) })),
    yTicks: y.ticks(5).map((characters) => ({ y: y(characters), label: String(characters) })),
    lanes: {
      streaming: laneGeometry(lanes.streaming, x, y, endOf(lanes.streaming)),
      nonStreaming: laneGeometry(lanes.nonStreaming, x, y, endOf(lanes.nonStreaming)),
    },
    arrivalXs: lanes.streaming.arrivals.map((ms) => Math.round(x(ms) * 10) / 10),
  };
}
