import { Redis } from "ioredis";
import { startTestRedis, type TestRedis } from "../lib/shared-state/testing/redis-server";
import { cpuMicros } from "./process-usage";
import { warmUp, warmUpRounds } from "./relay-bench";
import { runLoad, type Load, type LoadFigures } from "./relay-load";
import { spreadOf } from "./relay-rounds";
import { startApp, type RunningServer } from "./servers";
import { percentile, sortedCopy } from "./statistics";

/** How the answers of one run are kept: where their events go, and whether they are resumable at all. */
export type ResumeTargetName = "not resumable" | "resumable, memory" | "resumable, Redis";
export const resumeTargets: ResumeTargetName[] = ["not resumable", "resumable, memory", "resumable, Redis"];

export interface ResumeLoadFigures extends LoadFigures {
  name: ResumeTargetName;
  /** Redis's own CPU per token (redis-server), when the answers go to Redis. */
  redisCpuMicrosPerToken?: number;
  /** Redis commands (INFO commandstats, all kinds) per token relayed. */
  redisCommandsPerToken?: number;
}

export interface ResumeStartFigures {
  name: ResumeTargetName;
  /** Where the resume was asked: the generating instance or another one. */
  where: string;
  events: number;
  /** The first resume that instance served (its route not yet loaded, its connection to Redis not yet made): request sent -> first replayed event. */
  coldFirstEventMs?: number;
  /** The resumes timed after that one. */
  runs: number;
  /** Resume request sent -> its first replayed event arrived. */
  firstEventMs: { p50?: number; p99?: number };
  /** Resume request sent -> `[DONE]` (the whole replay). */
  wholeMs: { p50?: number; p99?: number };
  /** Why it could not be measured (e.g. 204: that instance cannot see the answer). */
  problem?: string;
}

interface CommandStats {
  calls: number;
  pid: number;
}

/** Every command Redis has run so far (INFO commandstats), and its PID (INFO server). */
async function redisStats(client: Redis): Promise<CommandStats> {
  const commandStats = await client.info("commandstats");
  const calls = [...commandStats.matchAll(/^cmdstat_[^:]+:calls=(\d+)/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
  const pid = Number(/^process_id:(\d+)/m.exec(await client.info("server"))?.[1]);
  // The two INFO calls of this reading count too: leave them out.
  return { calls: calls - 2, pid };
}

const bodyOf = (name: ResumeTargetName) => (name === "not resumable" ? {} : { resumable: true });

async function withApp<T>(mock: RunningServer, environment: Record<string, string>, run: (app: RunningServer) => Promise<T>): Promise<T> {
  const app = await startApp({ mockOrigin: mock.origin, environment });
  try {
    return await run(app);
  } finally {
    await app.stop();
  }
}

/**
 * How many times each way of keeping answers runs the load, one run after
 * another on the same server. One burst of 100 × 50 is a second of CPU: the
 * ratios to "not resumable" moved from 1.10× to 1.57× between runs of the
 * same code, and ten bursts in a row showed resumable in memory costing what
 * not resumable does, within 3 µs a token.
 */
export const resumeLoadRuns = 5;

/** Several runs of one load on one server as one: CPU (and Redis's) per token over them all, TTFT and lag the median of the runs', streams summed. */
function combinedRuns(runs: LoadFigures[]): LoadFigures {
  const first = runs[0] as LoadFigures;
  const last = runs.at(-1) as LoadFigures;
  const sum = (pick: (run: LoadFigures) => number) => runs.reduce((total, run) => total + pick(run), 0);
  const median = (pick: (run: LoadFigures) => number | undefined) => spreadOf(runs.map(pick))?.median;
  const windowTokens = sum((run) => run.windowTokens);
  const cpuMicros = runs.every((run) => run.cpuMicrosPerToken !== undefined) ? sum((run) => (run.cpuMicrosPerToken as number) * run.windowTokens) : undefined;
  return {
    ...first,
    streams: sum((run) => run.streams),
    measuredStreams: sum((run) => run.measuredStreams),
    exactStreams: sum((run) => run.exactStreams),
    resets: sum((run) => run.resets),
    tokens: sum((run) => run.tokens),
    windowTokens,
    ttftMs: { p50: median((run) => run.ttftMs.p50), p99: median((run) => run.ttftMs.p99) },
    lagMs: { p50: median((run) => run.lagMs.p50), p99: median((run) => run.lagMs.p99), max: Math.max(...runs.map((run) => run.lagMs.max ?? 0)) },
    cpuMicrosPerToken: cpuMicros === undefined || windowTokens === 0 ? undefined : cpuMicros / windowTokens,
    peakRssBytes: Math.max(...runs.map((run) => run.peakRssBytes ?? 0)),
    seconds: sum((run) => run.seconds),
    window: { fromMicros: first.window.fromMicros, toMicros: last.window.toMicros },
    problems: runs.flatMap((run) => run.problems).slice(0, 5),
  };
}

/** One load against one way of keeping answers, on a fresh, warmed-up server, `resumeLoadRuns` times. */
async function measureLoad(mock: RunningServer, redis: TestRedis, client: Redis, name: ResumeTargetName, load: Load): Promise<ResumeLoadFigures> {
  const environment = { REDIS_URL: name === "resumable, Redis" ? redis.url : "" };
  return withApp(mock, environment, async (app) => {
    // Warmed up as the relay bench warms its targets: with 3 rounds, the answers kept on Redis (more code: ioredis, the log) ran partly unoptimized.
    for (let round = 0; round < warmUpRounds; round++) await runLoad("ours", app.origin, warmUp, undefined, bodyOf(name));
    const before = name === "resumable, Redis" ? await redisStats(client) : undefined;
    const redisCpuBefore = before ? cpuMicros(before.pid) : 0;
    const runs: LoadFigures[] = [];
    for (let run = 0; run < resumeLoadRuns; run++) runs.push(await runLoad("ours", app.origin, load, app.pid, bodyOf(name)));
    const figures = combinedRuns(runs);
    if (figures.problems.length > 0) figures.serverOutput = app.output.join("").split("\n").filter(Boolean).slice(-5);
    const after = before ? await redisStats(client) : undefined;
    const perToken = (value: number | undefined) => (value === undefined || figures.tokens === 0 ? undefined : value / figures.tokens);
    return {
      ...figures,
      name,
      redisCommandsPerToken: perToken(before && after ? after.calls - before.calls : undefined),
      redisCpuMicrosPerToken: perToken(before ? cpuMicros(before.pid) - redisCpuBefore : undefined),
    };
  });
}

/** Reads one SSE response: when its first whole event arrived, when it ended, and how many events it had. */
async function timeReplay(url: string): Promise<{ status: number; firstEventMs?: number; wholeMs?: number; events: number }> {
  const sentAt = performance.now();
  const response = await fetch(url);
  if (response.status !== 200 || !response.body) {
    await response.arrayBuffer();
    return { status: response.status, events: 0 };
  }
  let firstEventMs: number | undefined;
  let text = "";
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    // An event is whole at its blank line.
    if (firstEventMs === undefined && text.includes("\n\n")) firstEventMs = performance.now() - sentAt;
  }
  return { status: 200, firstEventMs, wholeMs: performance.now() - sentAt, events: text.match(/^id: /gm)?.length ?? 0 };
}

/** Generates one resumable answer of `events` deltas on `generator`, and times `runs` resumes of it from the first event on `resumer`. */
async function measureResumeStart(
  generator: RunningServer,
  resumer: RunningServer,
  name: ResumeTargetName,
  where: string,
  events: number,
  runs: number,
): Promise<ResumeStartFigures> {
  const response = await fetch(`${generator.origin}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ messages: [{ role: "user", content: `mock:paced tokens=${events} interval=0 first=0` }], resumable: true }),
  });
  const whole = await response.text();
  const id = (JSON.parse(/^data: (.*)$/m.exec(whole)?.[1] ?? "{}") as { id?: string }).id;
  const firsts: number[] = [];
  const wholes: number[] = [];
  let problem: string | undefined;
  const failed: number[] = [];
  // The resumer is a fresh server: its first resume loads the route (and on Redis, ioredis and a connection).
  // Timed apart, so that a cold start shows as itself and not as the p99 of the rest.
  const cold = id ? await timeReplay(`${resumer.origin}/api/chat/${id}/stream`) : undefined;
  for (let run = 0; run < runs && id; run++) {
    const timed = await timeReplay(`${resumer.origin}/api/chat/${id}/stream`);
    if (timed.status !== 200 || timed.firstEventMs === undefined || timed.wholeMs === undefined) {
      // E.g. 204: that instance could not see the answer in time (Redis slower than its bound).
      failed.push(timed.status);
      continue;
    }
    // start, the deltas, usage, finish.
    if (timed.events < events + 2) problem = `a replay had ${timed.events} events`;
    firsts.push(timed.firstEventMs);
    wholes.push(timed.wholeMs);
  }
  if (failed.length > 0) problem = `${failed.length} of ${runs} resumes answered ${[...new Set(failed)].join(", ")}`;
  const sortedFirsts = sortedCopy(firsts);
  const sortedWholes = sortedCopy(wholes);
  return {
    name,
    where,
    events,
    coldFirstEventMs: cold?.firstEventMs,
    runs: firsts.length,
    firstEventMs: { p50: percentile(sortedFirsts, 0.5), p99: percentile(sortedFirsts, 0.99) },
    wholeMs: { p50: percentile(sortedWholes, 0.5), p99: percentile(sortedWholes, 0.99) },
    problem: id ? problem : "no answer id",
  };
}

export interface ResumeBenchResults {
  loads: Array<{ load: Load; figures: ResumeLoadFigures[] }>;
  resumeStarts: ResumeStartFigures[];
}

/**
 * Issue 9's costs: the same loads as the relay benchmark with answers not
 * resumable, resumable in memory, and resumable on Redis (a redis-server of
 * its own, persistence off); then how soon a resume of a 2,000-event answer
 * starts, on the generating instance (memory) and on another one (Redis).
 */
export async function runResumeBench(mock: RunningServer, loads: Load[], resumeEvents = 2_000, resumeRuns = 50): Promise<ResumeBenchResults> {
  const redis = await startTestRedis();
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  try {
    const results: ResumeBenchResults = { loads: [], resumeStarts: [] };
    for (const load of loads) {
      const figures: ResumeLoadFigures[] = [];
      for (const name of resumeTargets) figures.push(await measureLoad(mock, redis, client, name, load));
      results.loads.push({ load, figures });
    }
    results.resumeStarts.push(
      await withApp(mock, { REDIS_URL: "" }, (app) => measureResumeStart(app, app, "resumable, memory", "same instance", resumeEvents, resumeRuns)),
    );
    const onRedis = { REDIS_URL: redis.url };
    results.resumeStarts.push(
      await withApp(mock, onRedis, (generator) =>
        withApp(mock, onRedis, async (other) => {
          const same = await measureResumeStart(generator, generator, "resumable, Redis", "same instance", resumeEvents, resumeRuns);
          results.resumeStarts.push(same);
          return measureResumeStart(generator, other, "resumable, Redis", "another instance", resumeEvents, resumeRuns);
        }),
      ),
    );
    return results;
  } finally {
    client.disconnect();
    await redis.stop();
  }
}
