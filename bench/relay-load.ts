import http from "node:http";
import type { TimeWindow } from "./profile-summary";
import { percentile, sortedCopy } from "./statistics";
import { runArrivals } from "./run-arrivals";
import { readStream, type StreamTarget } from "./stream-reader";

/**
 * How new streams arrive: a `burst` starts every stream at once (the worst
 * case: the last request waits behind all the others); `steady` keeps
 * `streams` in flight, as a server carrying that many sees a new request
 * arrive while the others are mid-answer (as `autocannon -c` measures): each
 * of `streams` workers starts at its own offset within one stream's duration
 * and starts its next stream as soon as one ends, `roundsPerWorker` times.
 */
export type Arrivals = { mode: "burst" } | { mode: "steady"; roundsPerWorker: number };

/** How many streams, how they arrive, and how the mock paces each. */
export interface Load {
  streams: number;
  tokens: number;
  intervalMs: number;
  firstTokenMs: number;
  arrivals: Arrivals;
}

/** `passthrough`: the mock's bytes piped through a Next route untouched (bench/next-alone-routes.ts), the least a relay in Next costs. */
export type TargetName = "floor" | "passthrough" | "naive" | "ours";

export interface LoadFigures {
  target: TargetName;
  arrivals: Arrivals;
  /** Streams run (all of them checked for exactness and resets). */
  streams: number;
  /** Streams whose TTFT and lag count: all of a burst; in steady arrivals, those inside the steady window (bench/steady-window.ts). */
  measuredStreams: number;
  exactStreams: number;
  resets: number;
  /** Tokens received over the whole load. */
  tokens: number;
  /** Tokens received in `window`, over which the CPU is spread: all of a burst's. */
  windowTokens: number;
  ttftMs: { p50?: number; p99?: number };
  lagMs: { p50?: number; p99?: number; max?: number };
  /** Server CPU (user + system) over `window`, per token received in it; undefined for the floor, which has no server of ours. */
  cpuMicrosPerToken?: number;
  /** The server's peak resident memory over `window`. */
  peakRssBytes?: number;
  /** For the pass-through target: server CPU per request of a fixed SSE body (Next alone) from a Route Handler and from a Pages API route, on the same server after the load. */
  nextAloneMicrosPerRequest?: { routeHandler: number; pagesRoute: number };
  seconds: number;
  /** What CPU and memory are measured over, on the monotonic clock (to cut a CPU profile to it): the whole of a burst; the steady window of steady arrivals. */
  window: TimeWindow;
  /** The first few reasons a stream was not exact. */
  problems: string[];
  /** The server's last lines of output, when a stream was not exact. */
  serverOutput?: string[];
}

export const describeLoad = (load: Load) => {
  const streams =
    load.arrivals.mode === "burst"
      ? `${load.streams} streams at once (burst)`
      : `${load.streams} streams in flight (steady arrivals, ${load.arrivals.roundsPerWorker} in a row each)`;
  return `${streams} × ${load.tokens} tokens at ${load.intervalMs} ms (first token after ${load.firstTokenMs} ms)`;
};

/**
 * The request each target needs for one stamped stream tagged `tag`
 * (`bodyExtras` go into our route's body, e.g. `resumable`; `history`, when
 * given, is an earlier user message, answered, before the one that asks).
 */
export function streamTarget(target: TargetName, origin: string, load: Load, tag: string, bodyExtras: Record<string, unknown> = {}, history?: string): StreamTarget {
  const directive = `mock:paced tokens=${load.tokens} interval=${load.intervalMs} first=${load.firstTokenMs} stamp=${tag}`;
  const earlier = history === undefined ? [] : [{ role: "user", content: history }, { role: "assistant", content: "Noted." }];
  const messages = [...earlier, { role: "user", content: directive }];
  if (target === "floor" || target === "passthrough") {
    const body = { model: "mock-model", messages, stream: true, stream_options: { include_usage: true } };
    const path = target === "floor" ? "/v1/chat/completions" : "/api/bench/passthrough";
    return { url: new URL(path, origin), body: JSON.stringify(body), endsWithFinish: true };
  }
  const path = target === "ours" ? "/api/chat" : "/api/bench/naive";
  return { url: new URL(path, origin), body: JSON.stringify({ ...bodyExtras, messages }), endsWithFinish: target === "ours" };
}

let runCounter = 0;

/** Runs `load` against `origin`, measuring the server `serverPid` (when there is one). */
export async function runLoad(target: TargetName, origin: string, load: Load, serverPid?: number, bodyExtras?: Record<string, unknown>): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const run = `${process.pid}-${(runCounter += 1)}`;
  const read = (stream: string) => {
    const tag = `${run}-${stream}`;
    return readStream(streamTarget(target, origin, load, tag, bodyExtras), tag, load.tokens, agent);
  };
  const startedAt = performance.now();
  const { readings, measured, window, windowTokens, cpuUsed, peakRssBytes } = await runArrivals(read, load, serverPid);
  const seconds = (performance.now() - startedAt) / 1000;
  agent.destroy();

  const lags = sortedCopy(measured.flatMap((reading) => reading.lagMicros));
  const ttfts = sortedCopy(measured.flatMap((reading) => (reading.timeToFirstTokenMicros === undefined ? [] : [reading.timeToFirstTokenMicros])));
  const milliseconds = (micros: number | undefined) => (micros === undefined ? undefined : micros / 1000);
  return {
    target,
    arrivals: load.arrivals,
    streams: readings.length,
    measuredStreams: measured.length,
    exactStreams: readings.filter((reading) => reading.exact).length,
    resets: readings.filter((reading) => reading.reset).length,
    tokens: readings.reduce((sum, reading) => sum + reading.lagMicros.length, 0),
    windowTokens,
    ttftMs: { p50: milliseconds(percentile(ttfts, 0.5)), p99: milliseconds(percentile(ttfts, 0.99)) },
    lagMs: { p50: milliseconds(percentile(lags, 0.5)), p99: milliseconds(percentile(lags, 0.99)), max: milliseconds(lags.at(-1)) },
    cpuMicrosPerToken: cpuUsed === undefined || windowTokens === 0 ? undefined : cpuUsed / windowTokens,
    peakRssBytes,
    seconds,
    window,
    problems: [...new Set(readings.flatMap((reading) => (reading.problem ? [reading.problem] : [])))].slice(0, 5),
  };
}
