import http from "node:http";
import { monotonicMicros } from "../mock/stamped-token";
import type { TimeWindow } from "./profile-summary";
import { cpuMicros, watchPeakMemory } from "./process-usage";
import { percentile, sortedCopy } from "./statistics";
import { readStream, type StreamReading, type StreamTarget } from "./stream-reader";

/** How many streams at once, and how the mock paces each. */
export interface Load {
  streams: number;
  tokens: number;
  intervalMs: number;
  firstTokenMs: number;
}

/** `passthrough`: the mock's bytes piped through a Next route untouched (bench/next-alone-routes.ts), the least a relay in Next costs. */
export type TargetName = "floor" | "passthrough" | "naive" | "ours";

export interface LoadFigures {
  target: TargetName;
  streams: number;
  exactStreams: number;
  resets: number;
  tokens: number;
  ttftMs: { p50?: number; p99?: number };
  lagMs: { p50?: number; p99?: number; max?: number };
  /** Server CPU (user + system) over the load, per token relayed; undefined for the floor, which has no server of ours. */
  cpuMicrosPerToken?: number;
  peakRssBytes?: number;
  /** For the pass-through target: server CPU per request of a fixed SSE body (Next alone) from a Route Handler and from a Pages API route, on the same server after the load. */
  nextAloneMicrosPerRequest?: { routeHandler: number; pagesRoute: number };
  seconds: number;
  /** When the load ran, on the monotonic clock (to cut a CPU profile to it). */
  window: TimeWindow;
  /** The first few reasons a stream was not exact. */
  problems: string[];
  /** The server's last lines of output, when a stream was not exact. */
  serverOutput?: string[];
}

export const describeLoad = (load: Load) =>
  `${load.streams} streams × ${load.tokens} tokens at ${load.intervalMs} ms (first token after ${load.firstTokenMs} ms)`;

/** The request each target needs for one stamped stream tagged `tag` (`bodyExtras` go into our route's body, e.g. `resumable`). */
export function streamTarget(target: TargetName, origin: string, load: Load, tag: string, bodyExtras: Record<string, unknown> = {}): StreamTarget {
  const directive = `mock:paced tokens=${load.tokens} interval=${load.intervalMs} first=${load.firstTokenMs} stamp=${tag}`;
  const messages = [{ role: "user", content: directive }];
  if (target === "floor" || target === "passthrough") {
    const body = { model: "mock-model", messages, stream: true, stream_options: { include_usage: true } };
    const path = target === "floor" ? "/v1/chat/completions" : "/api/bench/passthrough";
    return { url: new URL(path, origin), body: JSON.stringify(body), endsWithFinish: true };
  }
  const path = target === "ours" ? "/api/chat" : "/api/bench/naive";
  return { url: new URL(path, origin), body: JSON.stringify({ ...bodyExtras, messages }), endsWithFinish: target === "ours" };
}

let runCounter = 0;

/** Runs `load.streams` streams at once against `origin`, measuring the server `serverPid` (when there is one). */
export async function runLoad(target: TargetName, origin: string, load: Load, serverPid?: number, bodyExtras?: Record<string, unknown>): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const run = `${process.pid}-${(runCounter += 1)}`;
  const memory = serverPid === undefined ? undefined : watchPeakMemory(serverPid);
  const cpuBefore = serverPid === undefined ? 0 : cpuMicros(serverPid);
  const startedAt = performance.now();
  const fromMicros = monotonicMicros();
  const readings: StreamReading[] = await Promise.all(
    Array.from({ length: load.streams }, (_, index) => {
      const tag = `${run}-${index}`;
      return readStream(streamTarget(target, origin, load, tag, bodyExtras), tag, load.tokens, agent);
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  const window = { fromMicros, toMicros: monotonicMicros() };
  const cpuUsed = serverPid === undefined ? undefined : cpuMicros(serverPid) - cpuBefore;
  const peakRssBytes = memory?.stop();
  agent.destroy();

  const tokens = readings.reduce((sum, reading) => sum + reading.lagMicros.length, 0);
  const lags = sortedCopy(readings.flatMap((reading) => reading.lagMicros));
  const ttfts = sortedCopy(readings.flatMap((reading) => (reading.timeToFirstTokenMicros === undefined ? [] : [reading.timeToFirstTokenMicros])));
  const milliseconds = (micros: number | undefined) => (micros === undefined ? undefined : micros / 1000);
  return {
    target,
    streams: load.streams,
    exactStreams: readings.filter((reading) => reading.exact).length,
    resets: readings.filter((reading) => reading.reset).length,
    tokens,
    ttftMs: { p50: milliseconds(percentile(ttfts, 0.5)), p99: milliseconds(percentile(ttfts, 0.99)) },
    lagMs: { p50: milliseconds(percentile(lags, 0.5)), p99: milliseconds(percentile(lags, 0.99)), max: milliseconds(lags.at(-1)) },
    cpuMicrosPerToken: cpuUsed === undefined || tokens === 0 ? undefined : cpuUsed / tokens,
    peakRssBytes,
    seconds,
    window,
    problems: [...new Set(readings.flatMap((reading) => (reading.problem ? [reading.problem] : [])))].slice(0, 5),
  };
}
