import { describe, expect, it } from "vitest";
import { arrivalOffsetsMs, countWithin, isWithin, selectWithin, streamDurationMs, watchSteadyWindow } from "./steady-window";

describe("arrivalOffsetsMs", () => {
  it("spreads the first starts evenly over one stream's duration, the first at once", () => {
    expect(arrivalOffsetsMs(4, 1000)).toEqual([0, 250, 500, 750]);
    expect(streamDurationMs({ firstTokenMs: 20, tokens: 50, intervalMs: 20 })).toBe(1020);
  });
});

describe("watchSteadyWindow", () => {
  /** Drives a watch of `workers` with a clock that reads `now`, and logs the edges it reports. */
  function drive(workers: number) {
    let now = 0;
    const edges: string[] = [];
    const watch = watchSteadyWindow(workers, () => now, { open: () => edges.push(`open ${now}`), close: () => edges.push(`close ${now}`) });
    return { watch, edges, at: (time: number) => void (now = time) };
  }

  it("opens when the last worker starts and closes when the first one ends", () => {
    const { watch, edges, at } = drive(3);
    at(0);
    watch.workerStarting();
    at(10);
    watch.workerStarting();
    expect(edges).toEqual([]);
    at(20);
    watch.workerStarting();
    at(90);
    watch.workerEnded();
    at(95);
    watch.workerEnded();
    watch.workerEnded();
    expect(edges).toEqual(["open 20", "close 90"]);
    expect(watch.window()).toEqual({ fromMicros: 20, toMicros: 90 });
  });

  it("has no window when a worker ends before the last one starts", () => {
    const { watch, edges, at } = drive(2);
    watch.workerStarting();
    at(5);
    watch.workerEnded();
    at(10);
    watch.workerStarting();
    watch.workerEnded();
    expect(edges).toEqual([]);
    expect(watch.window()).toBeUndefined();
  });
});

describe("selectWithin", () => {
  const window = { fromMicros: 100, toMicros: 200 };
  const stream = (startedAtMicros: number, endedAtMicros: number, arrivedAtMicros: number[]) => ({ startedAtMicros, endedAtMicros, arrivedAtMicros });

  it("counts the streams wholly inside the window, edges included, and every token that arrived inside it", () => {
    const ramp = stream(50, 150, [60, 120, 140]); // began before: its tokens after 100 count, the stream does not
    const inside = stream(100, 200, [110, 190]);
    const tail = stream(180, 260, [190, 230]); // ended after
    const selected = selectWithin([ramp, inside, tail], window);
    expect(selected.streams).toEqual([inside]);
    expect(selected.tokens).toBe(5);
  });

  it("counts nothing without a window", () => {
    expect(selectWithin([stream(100, 200, [150])], undefined)).toEqual({ streams: [], tokens: 0 });
  });

  it("includes both edges", () => {
    expect(isWithin(stream(100, 200, []), window)).toBe(true);
    expect(isWithin(stream(99, 200, []), window)).toBe(false);
    expect(isWithin(stream(100, 201, []), window)).toBe(false);
    expect(countWithin([99, 100, 200, 201], window)).toBe(2);
  });
});
