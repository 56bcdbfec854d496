import type { TimeWindow } from "./profile-summary";

/** One stream's life on the shared monotonic clock (µs): request written → response ended. */
export interface StreamSpan {
  startedAtMicros: number;
  endedAtMicros: number;
}

/** How long the mock takes for one stream of a load when nothing queues: the first token's wait, then every token's interval. */
export const streamDurationMs = (load: { firstTokenMs: number; tokens: number; intervalMs: number }) => load.firstTokenMs + load.tokens * load.intervalMs;

/**
 * When each of `workers` workers starts its first stream, in ms after the
 * load begins: evenly spread over one stream's duration (not random, so that
 * runs compare), so that arrivals are as even from the start as they will be
 * once every worker has a stream in flight.
 */
export const arrivalOffsetsMs = (workers: number, durationMs: number): number[] =>
  Array.from({ length: workers }, (_, index) => (index * durationMs) / workers);

/** The stream began and ended inside `window` (its edges included). */
export const isWithin = (span: StreamSpan, window: TimeWindow) => span.startedAtMicros >= window.fromMicros && span.endedAtMicros <= window.toMicros;

/** How many of `times` (µs) fall inside `window`, edges included. */
export const countWithin = (times: Iterable<number>, window: TimeWindow) => {
  let count = 0;
  for (const time of times) if (time >= window.fromMicros && time <= window.toMicros) count += 1;
  return count;
};

/**
 * Follows the workers of a steady load as they run, to measure the server
 * over the steady window only: it opens when the last worker starts its first
 * stream (`workerStarting` is called just before that stream's request, so
 * the stream is inside) and closes when the first worker has ended its last
 * one, the only time every worker has a stream in flight. A worker that ends
 * before the last one began (streams that fail at once) leaves no window.
 */
export function watchSteadyWindow(workers: number, clock: () => number, edges: { open(): void; close(): void }) {
  let starting = 0;
  let ended = 0;
  let fromMicros: number | undefined;
  let toMicros: number | undefined;
  return {
    workerStarting() {
      starting += 1;
      if (starting !== workers || ended > 0) return;
      fromMicros = clock();
      edges.open();
    },
    workerEnded() {
      ended += 1;
      if (ended !== 1 || fromMicros === undefined) return;
      toMicros = clock();
      edges.close();
    },
    window(): TimeWindow | undefined {
      return fromMicros === undefined || toMicros === undefined ? undefined : { fromMicros, toMicros };
    },
  };
}

/**
 * What counts in a steady window: the streams that began and ended inside it
 * (every worker had a stream in flight for their whole life), for TTFT and
 * lag; and the tokens of any stream that arrived inside it, over which the
 * server's CPU in the window is spread.
 */
export function selectWithin<Reading extends StreamSpan & { arrivedAtMicros: number[] }>(readings: Reading[], window: TimeWindow | undefined) {
  if (window === undefined) return { streams: [], tokens: 0 };
  return {
    streams: readings.filter((reading) => isWithin(reading, window)),
    tokens: readings.reduce((sum, reading) => sum + countWithin(reading.arrivedAtMicros, window), 0),
  };
}
