import { setTimeout as sleep } from "node:timers/promises";
import { monotonicMicros } from "../mock/stamped-token";
import type { TimeWindow } from "./profile-summary";
import { cpuMicros, watchPeakMemory } from "./process-usage";
import type { Load } from "./relay-load";
import { arrivalOffsetsMs, selectWithin, streamDurationMs, watchSteadyWindow } from "./steady-window";
import type { StreamReading } from "./stream-reader";

/** What a load saw before it is summed up. */
export interface LoadRun {
  readings: StreamReading[];
  /** The streams whose TTFT and lag count. */
  measured: StreamReading[];
  window: TimeWindow;
  windowTokens: number;
  cpuUsed?: number;
  peakRssBytes?: number;
}

/** The server's CPU and peak memory between `start()` and `stop()`; nothing when there is no server of ours. */
function watchServer(serverPid: number | undefined) {
  if (serverPid === undefined) return { start() {}, stop: () => ({ cpuUsed: undefined, peakRssBytes: undefined }) };
  let cpuBefore = 0;
  let memory: { stop(): number } | undefined;
  return {
    start() {
      memory = watchPeakMemory(serverPid);
      cpuBefore = cpuMicros(serverPid);
    },
    stop: () => ({ cpuUsed: cpuMicros(serverPid) - cpuBefore, peakRssBytes: memory?.stop() }),
  };
}

async function runBurst(read: (tag: string) => Promise<StreamReading>, load: Load, serverPid?: number): Promise<LoadRun> {
  const server = watchServer(serverPid);
  server.start();
  const fromMicros = monotonicMicros();
  const readings = await Promise.all(Array.from({ length: load.streams }, (_, index) => read(String(index))));
  const window = { fromMicros, toMicros: monotonicMicros() };
  const windowTokens = readings.reduce((sum, reading) => sum + reading.lagMicros.length, 0);
  return { readings, measured: readings, window, windowTokens, ...server.stop() };
}

async function runSteady(read: (tag: string) => Promise<StreamReading>, load: Load, roundsPerWorker: number, serverPid?: number): Promise<LoadRun> {
  const server = watchServer(serverPid);
  let usage: ReturnType<typeof server.stop> = { cpuUsed: undefined, peakRssBytes: undefined };
  const watch = watchSteadyWindow(load.streams, monotonicMicros, { open: server.start, close: () => (usage = server.stop()) });
  const offsets = arrivalOffsetsMs(load.streams, streamDurationMs(load));
  const readings: StreamReading[] = [];
  const worker = async (offsetMs: number, index: number) => {
    await sleep(offsetMs);
    for (let round = 0; round < roundsPerWorker; round++) {
      if (round === 0) watch.workerStarting();
      readings.push(await read(`${index}-${round}`));
    }
    watch.workerEnded();
  };
  await Promise.all(offsets.map(worker));
  const window = watch.window();
  const { streams: measured, tokens: windowTokens } = selectWithin(readings, window);
  return { readings, measured, window: window ?? { fromMicros: 0, toMicros: 0 }, windowTokens, ...usage };
}

/**
 * Starts the streams of `load` as its arrivals say, each read by `read(tag)`
 * (`tag` unique within the load), and measures the server `serverPid` (when
 * there is one) over the window that counts.
 */
export const runArrivals = (read: (tag: string) => Promise<StreamReading>, load: Load, serverPid?: number): Promise<LoadRun> =>
  load.arrivals.mode === "steady" ? runSteady(read, load, load.arrivals.roundsPerWorker, serverPid) : runBurst(read, load, serverPid);
