import { describe, expect, it } from "vitest";
import type { RelayLoadResult } from "./relay-bench";
import type { Load, LoadFigures, TargetName } from "./relay-load";
import { spreadOf, summarizeRounds } from "./relay-rounds";

const load: Load = { streams: 200, tokens: 500, intervalMs: 2, firstTokenMs: 20, arrivals: { mode: "burst" } };

function row(target: TargetName, cpuMicrosPerToken: number | undefined, lagP99Ms: number): LoadFigures {
  return {
    target,
    arrivals: load.arrivals,
    streams: 200,
    measuredStreams: 200,
    exactStreams: 200,
    resets: 0,
    tokens: 100_000,
    windowTokens: 100_000,
    ttftMs: { p50: 300, p99: 400 },
    lagMs: { p50: 5, p99: lagP99Ms, max: lagP99Ms * 2 },
    cpuMicrosPerToken,
    peakRssBytes: 160 * 2 ** 20,
    seconds: 3,
    window: { fromMicros: 0, toMicros: 3e6 },
    problems: [],
  };
}

const round = (naiveCpu: number, oursCpu: number, passthroughCpu: number): RelayLoadResult[] => [
  { load, loadAverageAtStart: "1.00 1.00 1.00", figures: [row("passthrough", passthroughCpu, 50), row("naive", naiveCpu, 100), row("ours", oursCpu, 50)] },
];

describe("spreadOf", () => {
  it("gives the median, the extremes and how many rounds had the figure", () => {
    expect(spreadOf([3, undefined, 1, 2])).toEqual({ median: 2, min: 1, max: 3, rounds: 3 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, rounds: 4 });
    expect(spreadOf([undefined, Number.NaN])).toBeUndefined();
  });
});

describe("summarizeRounds", () => {
  it("takes each ratio to naive within its round, then its spread over the rounds", () => {
    // Naive's CPU moves most between rounds: the ratio of the medians (30 / 40) would hide that ours was 0.86× in one round.
    const [summary] = summarizeRounds([round(50, 30, 25), round(35, 30, 22), round(40, 28, 24)]);
    expect(summary?.oursCpuToNaive?.median).toBeCloseTo(0.7, 5);
    expect(summary?.oursCpuToNaive?.min).toBeCloseTo(0.6, 5);
    expect(summary?.oursCpuToNaive?.max).toBeCloseTo(30 / 35, 5);
    expect(summary?.passthroughCpuToNaive?.median).toBeCloseTo(0.6, 5);
    expect(summary?.oursLagP99ToNaive).toEqual({ median: 0.5, min: 0.5, max: 0.5, rounds: 3 });
    // Ours over the byte pipe, within each round: 30 / 25, 30 / 22, 28 / 24.
    expect(summary?.oursCpuToPassthrough?.median).toBeCloseTo(1.2, 5);
    expect(summary?.oursCpuToPassthrough?.min).toBeCloseTo(28 / 24, 5);
    expect(summary?.oursCpuToPassthrough?.max).toBeCloseTo(30 / 22, 5);
    expect(summary?.targets.map((target) => [target.target, target.cpuMicrosPerToken?.median])).toEqual([
      ["passthrough", 24],
      ["naive", 40],
      ["ours", 30],
    ]);
  });

  it("leaves a ratio out of a round that has no figure for it", () => {
    const [summary] = summarizeRounds([round(50, 30, 25), [{ ...round(40, 30, 25)[0]!, figures: [row("naive", 40, 100), row("ours", undefined, 50)] }]]);
    expect(summary?.oursCpuToNaive).toEqual({ median: 0.6, min: 0.6, max: 0.6, rounds: 1 });
  });
});
