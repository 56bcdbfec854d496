import { countCharacters, type LaneMetrics, type LaneName, type ScreenSample } from "@/lib/compare/lane-metrics";

export type LaneStatus = "waiting" | "streaming" | "done" | "error" | "stopped";

/** One side of the comparison, as it is on screen. */
export interface CompareLane {
  status: LaneStatus;
  text: string;
  /** A reasoning model's reasoning before its answer: streamed as it is written, or whole with the answer. */
  reasoning: string;
  /** When its first reasoning was on screen, ms after Run. */
  reasoningFirstMs?: number;
  characters: number;
  /** Each time text was put on screen (once per frame at most). */
  screen: ScreenSample[];
  /** Streamed lane: when each delta came off the network, ms after Run. */
  arrivals: number[];
  /** When the lane ended, ms after Run. */
  endedMs?: number;
  tokens?: number;
  error?: { code: string; message: string };
}

export type RunResult = Record<LaneName, LaneMetrics>;

export interface CompareState {
  phase: "idle" | "running" | "finished" | "stopped" | "failed";
  /** The run under way or last shown, from 1, of `runCount`. */
  runNumber: number;
  runCount: number;
  /** Time since this run's Run, advanced every frame while it runs: the chart's clock. */
  elapsedMs: number;
  lanes: Record<LaneName, CompareLane>;
  /** The finished runs of this series, for the spread. */
  results: RunResult[];
  run(request: { prompt: string; model?: string; runs: number }): Promise<void>;
  stop(): void;
}

export const emptyLane = (): CompareLane => ({ status: "waiting", text: "", reasoning: "", characters: 0, screen: [], arrivals: [] });

export interface LaneEnd {
  status: Exclude<LaneStatus, "waiting" | "streaming">;
  tokens?: number;
  error?: CompareLane["error"];
}

/** What arrived for a lane since the last frame, put on screen all at once by the next one. */
export interface PendingLane {
  pieces: string[];
  reasoning: string[];
  arrivals: number[];
  end?: LaneEnd;
  onApplied?: () => void;
}

/** A lane with what arrived since the last frame put on screen at `atMs`. */
export function withPending(lane: CompareLane, waiting: PendingLane, atMs: number): CompareLane {
  let next = lane;
  if (waiting.pieces.length > 0) {
    const added = waiting.pieces.join("");
    const characters = lane.characters + countCharacters(added);
    next = { ...next, text: lane.text + added, characters, screen: [...lane.screen, { atMs, characters }], status: "streaming" };
  }
  if (waiting.reasoning.length > 0) next = { ...next, reasoning: next.reasoning + waiting.reasoning.join(""), reasoningFirstMs: next.reasoningFirstMs ?? atMs };
  if (waiting.arrivals.length > 0) next = { ...next, arrivals: [...next.arrivals, ...waiting.arrivals] };
  if (waiting.end) next = { ...next, ...waiting.end, endedMs: atMs };
  return next;
}
