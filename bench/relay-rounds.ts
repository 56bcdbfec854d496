import type { LoadFigures, TargetName } from "./relay-load";
import type { RelayLoadResult } from "./relay-bench";
import { sortedCopy } from "./statistics";

/** The middle value and the extremes of one figure over the rounds that had it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  rounds: number;
}

export function spreadOf(values: (number | undefined)[]): Spread | undefined {
  const present = sortedCopy(values.filter((value): value is number => value !== undefined && Number.isFinite(value)));
  if (present.length === 0) return undefined;
  const middle = present.length / 2;
  const median = present.length % 2 === 1 ? (present[Math.floor(middle)] as number) : ((present[middle - 1] as number) + (present[middle] as number)) / 2;
  return { median, min: present[0] as number, max: present.at(-1) as number, rounds: present.length };
}

/** One target's figures over the rounds of one load. */
export interface TargetSpread {
  target: TargetName;
  cpuMicrosPerToken?: Spread;
  ttftP50Ms?: Spread;
  lagP99Ms?: Spread;
  peakRssBytes?: Spread;
}

/** One load over several rounds: each target's spread, and the ratios to naive taken within each round (the targets of a round ran minutes apart, the rounds further). */
export interface LoadRounds {
  load: RelayLoadResult["load"];
  targets: TargetSpread[];
  oursCpuToNaive?: Spread;
  oursLagP99ToNaive?: Spread;
  passthroughCpuToNaive?: Spread;
  /** What ours costs over the least a relay in Next can cost: steadier than any ratio to naive, whose CPU per token falls as it falls behind. */
  oursCpuToPassthrough?: Spread;
}

const ratio = (numerator: number | undefined, denominator: number | undefined) =>
  numerator === undefined || denominator === undefined || denominator === 0 ? undefined : numerator / denominator;

/**
 * Folds the rounds of a relay bench (each a run of every load against every
 * target) into one spread per load and target. A load that saturates the
 * machine (200 × 500 at 2 ms on 2 cores) moves by a third from one run to
 * the next, and the naive route most of all: once it falls behind, its
 * reads carry several events each and its CPU per token drops. One run's
 * ratio says little there; the median and range of several do.
 */
export function summarizeRounds(rounds: RelayLoadResult[][]): LoadRounds[] {
  return (rounds[0] ?? []).map(({ load, figures: firstFigures }, loadIndex) => {
    const perRound = rounds.map((round) => round[loadIndex]?.figures ?? []);
    const find = (figures: LoadFigures[], target: TargetName) => figures.find((row) => row.target === target);
    const targets = firstFigures.map(({ target }): TargetSpread => {
      const rows = perRound.map((figures) => find(figures, target));
      return {
        target,
        cpuMicrosPerToken: spreadOf(rows.map((row) => row?.cpuMicrosPerToken)),
        ttftP50Ms: spreadOf(rows.map((row) => row?.ttftMs.p50)),
        lagP99Ms: spreadOf(rows.map((row) => row?.lagMs.p99)),
        peakRssBytes: spreadOf(rows.map((row) => row?.peakRssBytes)),
      };
    });
    const toBase = (target: TargetName, base: TargetName, pick: (row: LoadFigures) => number | undefined) =>
      spreadOf(
        perRound.map((figures) => {
          const row = find(figures, target);
          const baseRow = find(figures, base);
          return row && baseRow ? ratio(pick(row), pick(baseRow)) : undefined;
        }),
      );
    const cpu = (row: LoadFigures) => row.cpuMicrosPerToken;
    return {
      load,
      targets,
      oursCpuToNaive: toBase("ours", "naive", cpu),
      oursLagP99ToNaive: toBase("ours", "naive", (row) => row.lagMs.p99),
      passthroughCpuToNaive: toBase("passthrough", "naive", cpu),
      oursCpuToPassthrough: toBase("ours", "passthrough", cpu),
    };
  });
}
