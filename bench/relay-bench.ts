import { loadAverage } from "./machine";
import { measureNextAlone } from "./next-alone";
import { runLoad, type Load, type LoadFigures, type TargetName } from "./relay-load";
import { startApp, type RunningServer } from "./servers";

export interface RelayBenchOptions {
  mock: RunningServer;
  loads: Load[];
  targets: TargetName[];
  /** Write a V8 CPU profile of the server for each load of our route into this directory. */
  profileDirectory?: string;
  onFigures?: (load: Load, figures: LoadFigures) => void;
}

/** One load's figures, one row a target, and the machine's load average (1, 5, 15 min) as it started. */
export interface RelayLoadResult {
  load: Load;
  loadAverageAtStart: string;
  figures: LoadFigures[];
}

export const warmUp: Load = { streams: 50, tokens: 20, intervalMs: 1, firstTokenMs: 0, arrivals: { mode: "burst" } };
/**
 * 500 requests and 10,000 tokens before each target's measured load: a
 * server that has answered for a while runs its code optimized, and V8
 * optimizes a function only after many calls. With 150 requests (3 rounds),
 * the per-request code of the relays still ran partly unoptimized in the
 * 100-stream load, which weighed on the routes with more code to warm.
 * `--warm-up-rounds` changes it: a server that has answered longer spends
 * less CPU a token and holds more memory (README, "Latest figures").
 */
export let warmUpRounds = 10;

export function setWarmUpRounds(rounds: number): void {
  warmUpRounds = rounds;
}

/**
 * Each load against each target. Every app target gets a fresh server (servers.ts),
 * warmed up first (routes loaded, code compiled by the JIT), so one target's
 * heap and peak memory never count against another's.
 */
export async function runRelayBench({ mock, loads, targets, profileDirectory, onFigures }: RelayBenchOptions): Promise<RelayLoadResult[]> {
  const results: RelayLoadResult[] = [];
  for (const load of loads) {
    // Read as the load starts: the tables are printed after all loads have run.
    const loadAverageAtStart = loadAverage();
    const figures: LoadFigures[] = [];
    for (const target of targets) {
      await fetch(`${mock.origin}/__mock/requests`, { method: "DELETE" }).then((response) => response.arrayBuffer());
      if (target === "floor") {
        await runLoad(target, mock.origin, warmUp);
        figures.push(await runLoad(target, mock.origin, load));
      } else {
        const profile = profileDirectory && target === "ours" ? ["--cpu-prof", "--cpu-prof-dir", profileDirectory] : [];
        const app = await startApp({ mockOrigin: mock.origin, nodeFlags: profile });
        try {
          for (let round = 0; round < warmUpRounds; round++) await runLoad(target, app.origin, warmUp);
          const measured = await runLoad(target, app.origin, load, app.pid);
          // A stream that failed on the server's side says why in its output.
          if (measured.problems.length > 0) measured.serverOutput = app.output.join("").split("\n").filter(Boolean).slice(-5);
          // Next alone is a cost per request, whatever the arrivals: measured once, after the burst.
          if (target === "passthrough" && load.arrivals.mode === "burst") {
            const concurrency = Math.min(load.streams, 200);
            measured.nextAloneMicrosPerRequest = {
              routeHandler: await measureNextAlone(app.origin, app.pid, concurrency, "/api/bench/fixed"),
              pagesRoute: await measureNextAlone(app.origin, app.pid, concurrency, "/api/bench/fixed-pages"),
            };
          }
          figures.push(measured);
        } finally {
          await app.stop();
        }
      }
      onFigures?.(load, figures.at(-1) as LoadFigures);
    }
    results.push({ load, loadAverageAtStart, figures });
  }
  return results;
}
