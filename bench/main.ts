import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { measureFirstLoadJs, type BundleFigures } from "./bundle-size";
import { longHistoryCharacters, runMemoryBench, type MemoryFigures } from "./memory-bench";
import { describeMachine, loadAverage } from "./machine";
import { runHistoryBench, type HistoryCase, type HistoryFigures } from "./history-bench";
import { runPageBench, type PageFigures, type PageRun } from "./page-bench";
import { summarizeProfile } from "./profile-summary";
import { runRelayBench, setWarmUpRounds, warmUpRounds, type RelayLoadResult } from "./relay-bench";
import { spreadOf, summarizeRounds, type LoadRounds, type Spread } from "./relay-rounds";
import { resumeLoadRuns, runResumeBench, type ResumeBenchResults } from "./resume-bench";
import { parseLoads, steadyRoundsPerWorker } from "./load-spec";
import { describeLoad, type Load, type TargetName } from "./relay-load";
import { copyStandaloneAssets } from "../scripts/copy-standalone-assets";
import { appNodeFlagsInUse, benchDistDir, repositoryRoot, setAppNodeFlags, startApp, startMock } from "./servers";
import { figure, formatTable } from "./table";
import { formatTaskSummary, summarizeTrace } from "./trace-summary";

const usage = `npm run bench [-- options]
  --full              also 1,000 streams at once, and the whole 40,000-character answer at 50 tokens/s (several minutes more)
  --only LIST         some of: relay,memory,resume,page,bundle (default: all)
  --loads LIST        relay (and resume) loads, e.g. 100x50@20,100x50@20/steady,200x500@2
                      (relay's default: 100x50@20,100x50@20/steady,200x500@2,200x500@10; resume's: 100x50@20)
                        STREAMSxTOKENS@MS          a burst: STREAMS streams started at once, TOKENS tokens each, one every MS ms
                        STREAMSxTOKENS@MS/steady   steady arrivals: STREAMS streams always in flight. Each of STREAMS
                            workers starts at an offset spread evenly over one stream's duration, and starts its next
                            stream as soon as one ends, ${steadyRoundsPerWorker} in a row. TTFT and lag count the streams that ran
                            while all STREAMS were in flight; CPU per token and peak RSS are over that window
  --targets LIST      some of: floor,passthrough,naive,ours (default: all)
  --rounds N          run the relay loads N times, the targets' order reversed every other round, and print each
                      figure's median and range over the rounds (a load that saturates the machine moves a lot between runs)
  --warm-up-rounds N  rounds of 50 streams × 20 tokens each app server answers before it is measured (default 10)
  --page-runs N       the 40,000-character answer at full speed N times, each on a fresh page, and the median and
                      range of its catch-up (one run moves by 100 ms and more on a 2-core machine)
  --no-build          use the last benchmark build (.next-bench) as it is
  --node-flags=FLAGS  node flags for every app server (default: those of \`npm start\`), e.g. --node-flags= for Node's
                      defaults, --node-flags="--max-semi-space-size=8 --cpu-prof" (with "=": flags begin with a dash)
  --profile           write a CPU profile of our route under each load (bench/results/) and summarize it
  --trace             record a Chromium trace of each page run (bench/results/) and summarize its long tasks
                      (the build then has browser source maps, to name the page's functions)`;

const { values: options } = parseArgs({
  options: {
    full: { type: "boolean", default: false },
    only: { type: "string", default: "relay,memory,resume,page,bundle" },
    loads: { type: "string" },
    targets: { type: "string", default: "floor,passthrough,naive,ours" },
    rounds: { type: "string", default: "1" },
    "warm-up-rounds": { type: "string", default: String(warmUpRounds) },
    "page-runs": { type: "string", default: "1" },
    "no-build": { type: "boolean", default: false },
    "node-flags": { type: "string" },
    profile: { type: "boolean", default: false },
    trace: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (options.help) {
  console.log(usage);
  process.exit(0);
}

if (options["node-flags"] !== undefined) setAppNodeFlags(options["node-flags"].split(/\s+/).filter(Boolean));
const parts = new Set(options.only.split(","));
const rounds = Number(options.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`--rounds takes a whole number of at least 1, not ${options.rounds}\n\n${usage}`);
  process.exit(2);
}
const warmUpRoundsAsked = Number(options["warm-up-rounds"]);
if (!Number.isInteger(warmUpRoundsAsked) || warmUpRoundsAsked < 0) {
  console.error(`--warm-up-rounds takes a whole number, not ${options["warm-up-rounds"]}\n\n${usage}`);
  process.exit(2);
}
setWarmUpRounds(warmUpRoundsAsked);
const fullSpeedRuns = Number(options["page-runs"]);
if (!Number.isInteger(fullSpeedRuns) || fullSpeedRuns < 1) {
  console.error(`--page-runs takes a whole number of at least 1, not ${options["page-runs"]}\n\n${usage}`);
  process.exit(2);
}
// 200 × 500 twice: at 2 ms a token it saturates a 2-core machine (the naive route falls behind, its reads
// carry several events and its CPU per token falls); at 10 ms the same streams and tokens leave it room.
const defaultLoads = ["100x50@20", "100x50@20/steady", "200x500@2", "200x500@10", ...(options.full ? ["1000x50@20"] : [])];
const loads: Load[] = parseLoads(options.loads ?? defaultLoads.join(","));
// Resumable answers cost per token and per stream: the usual load, and 1,000 streams with --full.
const resumeLoads: Load[] = parseLoads(options.loads ?? ["100x50@20", ...(options.full ? ["1000x50@20"] : [])].join(","));
const fullSpeedLabel = "full speed";
const pageRuns: PageRun[] = [
  ...Array.from({ length: fullSpeedRuns }, (_, index): PageRun => ({
    label: fullSpeedRuns === 1 ? fullSpeedLabel : `${fullSpeedLabel}, run ${index + 1}`,
    characters: 40_000,
    intervalMs: 0,
  })),
  options.full ? { label: "50 tokens/s", characters: 40_000, intervalMs: 20 } : { label: "50 tokens/s", characters: 8_000, intervalMs: 20 },
  { label: "full speed, with formulas", characters: 40_000, intervalMs: 0, formulas: true },
  { label: "full speed, after 40,000 characters of reasoning", characters: 40_000, intervalMs: 0, reasoningCharacters: 40_000 },
];
// Long saved conversations, opened: forty exchanges of answers of a usual length, and of very long ones.
const historyCases: HistoryCase[] = [
  { exchanges: 40, characters: 3_000 },
  { exchanges: 40, characters: 20_000 },
];
const resultsDirectory = path.join(repositoryRoot, "bench/results");
const mib = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 2 ** 20);

function printMachine(): void {
  const machine = describeMachine(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  console.log(`streamchat benchmark — ${machine.date}`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; ${machine.chromium ?? "no Chromium found"}`);
  console.log(`commit: ${machine.commit ?? "unknown"}; load average at start: ${loadAverage()} (1, 5, 15 min)`);
  console.log(`app servers: .next-bench/standalone/server.js (as npm start runs ours), node flags ${appNodeFlagsInUse().join(" ") || "none (Node's defaults)"}; each warmed up with ${warmUpRounds} rounds of 50 streams × 20 tokens\n`);
}

function build(): void {
  console.log("building the app with the benchmark's baseline route (STREAMCHAT_BENCH=1 next build → .next-bench) ...");
  const startedAt = performance.now();
  execFileSync(path.join(repositoryRoot, "node_modules/.bin/next"), ["build"], {
    cwd: repositoryRoot,
    // The baseline builds an openai client when it is loaded, which the build does once: it needs some key.
    env: {
      ...process.env,
      STREAMCHAT_BENCH: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      OPENAI_API_KEY: "bench-key-not-real",
      ...(options.trace ? { STREAMCHAT_BROWSER_SOURCE_MAPS: "1" } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(`built in ${((performance.now() - startedAt) / 1000).toFixed(0)} s\n`);
}

const targetOrder = options.targets.split(",") as TargetName[];
const targetNames: Record<TargetName, string> = {
  floor: "floor (mock read directly)",
  passthrough: "Next + byte pipe (bench/)",
  naive: "naive route (bench/)",
  ours: "ours (/api/chat)",
};

function printLoad({ load, loadAverageAtStart, figures: measured }: RelayLoadResult): void {
  console.log(`Relay: ${describeLoad(load)}; load average at its start ${loadAverageAtStart}`);
  // In the order of --targets, whichever order they ran in.
  const figures = [...measured].sort((a, b) => targetOrder.indexOf(a.target) - targetOrder.indexOf(b.target));
  const rows = figures.map((row) => [
    targetNames[row.target],
    `${row.exactStreams}/${row.streams}`,
    String(row.resets),
    figure(row.ttftMs.p50),
    figure(row.ttftMs.p99),
    figure(row.lagMs.p50, 2),
    figure(row.lagMs.p99, 2),
    figure(row.lagMs.max),
    figure(row.cpuMicrosPerToken, 0),
    figure(mib(row.peakRssBytes), 0),
    figure(row.seconds),
  ]);
  if (load.arrivals.mode === "steady") {
    const counted = figures.map((row) => `${row.target} ${row.measuredStreams}, ${row.windowTokens.toLocaleString("en")} tokens in ${((row.window.toMicros - row.window.fromMicros) / 1e6).toFixed(1)} s`);
    console.log(`Steady: TTFT and lag over the streams that ran while all ${load.streams} were in flight; CPU and peak RSS over that window (${counted.join("; ")})`);
  }
  console.log(
    formatTable(["", "exact", "resets", "TTFT p50 ms", "TTFT p99 ms", "lag p50 ms", "lag p99 ms", "lag max ms", "CPU µs/token", "peak RSS MiB", "wall s"], rows),
  );
  const naive = figures.find((row) => row.target === "naive");
  const ours = figures.find((row) => row.target === "ours");
  if (naive?.cpuMicrosPerToken && ours?.cpuMicrosPerToken && naive.lagMs.p99 && ours.lagMs.p99) {
    // One run's ratio can mislead: at 200 × 500 it read 0.55× and 0.94× in two runs of one morning.
    const oneRun = rounds === 1 ? " (one run: --rounds N gives the spread)" : "";
    console.log(`ours ÷ naive: CPU per token ${(ours.cpuMicrosPerToken / naive.cpuMicrosPerToken).toFixed(2)}×, lag p99 ${(ours.lagMs.p99 / naive.lagMs.p99).toFixed(2)}×${oneRun}`);
  }
  const passthrough = figures.find((row) => row.target === "passthrough");
  if (passthrough?.nextAloneMicrosPerRequest !== undefined) {
    for (const [kind, micros] of [
      ["Route Handler", passthrough.nextAloneMicrosPerRequest.routeHandler],
      ["Pages API route", passthrough.nextAloneMicrosPerRequest.pagesRoute],
    ] as const) {
      const perToken = micros / load.tokens;
      const versusNaive = naive?.cpuMicrosPerToken ? `, ${(perToken / naive.cpuMicrosPerToken).toFixed(2)}× naive's CPU per token` : "";
      console.log(`Next alone, ${kind} (a fixed 50-event SSE body): ${micros.toFixed(0)} µs CPU per request = ${perToken.toFixed(0)} µs per token at ${load.tokens} tokens a stream${versusNaive}`);
    }
    if (naive?.cpuMicrosPerToken && passthrough.cpuMicrosPerToken) console.log(`Next + byte pipe ÷ naive: CPU per token ${(passthrough.cpuMicrosPerToken / naive.cpuMicrosPerToken).toFixed(2)}×`);
  }
  if (ours?.cpuMicrosPerToken && passthrough?.cpuMicrosPerToken) console.log(`ours ÷ Next + byte pipe: CPU per token ${(ours.cpuMicrosPerToken / passthrough.cpuMicrosPerToken).toFixed(2)}×`);
  for (const row of figures) {
    if (row.problems.length === 0) continue;
    console.log(`  ${row.target}: ${row.problems.join("; ")}`);
    for (const line of row.serverOutput ?? []) console.log(`    ${line.slice(0, 300)}`);
  }
  console.log("");
}

const spreadText = (spread: Spread | undefined, digits: number, scale = 1, unit = "") =>
  spread === undefined
    ? "—"
    : spread.rounds === 1
      ? `${figure(spread.median * scale, digits)}${unit}`
      : `${figure(spread.median * scale, digits)}${unit} (${figure(spread.min * scale, digits)}–${figure(spread.max * scale, digits)}${unit})`;

function printRounds(summaries: LoadRounds[]): void {
  console.log(`Relay over ${rounds} rounds (the targets' order reversed every other round): median (min–max)`);
  for (const summary of summaries) {
    console.log(`${describeLoad(summary.load)}`);
    const rows = summary.targets.map((row) => [
      targetNames[row.target],
      spreadText(row.cpuMicrosPerToken, 0),
      spreadText(row.ttftP50Ms, 1),
      spreadText(row.lagP99Ms, 1),
      spreadText(row.peakRssBytes, 0, 2 ** -20),
    ]);
    console.log(formatTable(["", "CPU µs/token", "TTFT p50 ms", "lag p99 ms", "peak RSS MiB"], rows));
    if (summary.oursCpuToNaive) {
      console.log(
        `ours ÷ naive, within each round: CPU per token ${spreadText(summary.oursCpuToNaive, 2, 1, "×")}, lag p99 ${spreadText(summary.oursLagP99ToNaive, 2, 1, "×")}`,
      );
    }
    if (summary.passthroughCpuToNaive) console.log(`Next + byte pipe ÷ naive, within each round: CPU per token ${spreadText(summary.passthroughCpuToNaive, 2, 1, "×")}`);
    if (summary.oursCpuToPassthrough) console.log(`ours ÷ Next + byte pipe, within each round: CPU per token ${spreadText(summary.oursCpuToPassthrough, 2, 1, "×")}`);
    console.log("");
  }
}

function printProfiles(profileDirectory: string, results: RelayLoadResult[]): void {
  const files = readdirSync(profileDirectory).filter((file) => file.endsWith(".cpuprofile")).sort();
  results.forEach(({ load, figures }, index) => {
    const file = files[index];
    const ours = figures.find((row) => row.target === "ours");
    if (!file || !ours) return;
    const summary = summarizeProfile(path.join(profileDirectory, file), 12, ours.window);
    console.log(`Profile of ours, ${describeLoad(load)}: ${summary.busyMs.toFixed(0)} ms busy (bench/results/${path.basename(profileDirectory)}/${file})`);
    for (const line of summary.functions) console.log(`  ${(line.share * 100).toFixed(1).padStart(5)} %  ${line.where}`);
    console.log("");
  });
}

function printPage(figures: PageFigures[]): void {
  console.log(`Page: a ${figures[0]?.characters.toLocaleString("en")}-character markdown answer in Chromium; load average ${loadAverage()}`);
  const rows = figures.map((row) => [
    `${row.label} (${row.characters.toLocaleString("en")} chars, ${row.tokens} tokens)`,
    figure(row.catchUpMs, 0),
    `${figure(row.relayMs, 0)} + ${figure(row.pageMs, 0)}`,
    `${row.longestTaskMs === undefined ? "< 50" : figure(row.longestTaskMs, 0)} / ${row.longestTaskAfterMs === undefined ? "< 50" : figure(row.longestTaskAfterMs, 0)}`,
    figure(row.totalBlockingMs, 0),
    figure(row.framesPerSecond, 0),
    figure(row.longestFrameMs, 0),
    `${row.answerRenders} / ${row.frames}`,
    String(row.otherRenders),
    figure(row.seconds),
  ]);
  const fullSpeed = figures.filter((row) => row.intervalMs === 0 && !row.formulas && row.reasoningCharacters === undefined);
  if (fullSpeed.length > 1) {
    const longest = Math.max(...fullSpeed.flatMap((row) => [row.longestTaskMs ?? 0, row.longestTaskAfterMs ?? 0]));
    rows.push([
      `${fullSpeedLabel}, ${fullSpeed.length} runs: median (min–max)`,
      spreadText(spreadOf(fullSpeed.map((row) => row.catchUpMs)), 0),
      "",
      longest > 0 ? `longest ${figure(longest, 0)}` : "all < 50",
      "",
      "",
      "",
      "",
      "",
      "",
    ]);
  }
  console.log(
    formatTable(["", "catch-up ms", "= relay + page ms", "longest task ms: until shown / 2 s after", "TBT ms", "FPS", "longest frame ms", "answer renders / frames", "other renders", "s"], rows),
  );
  for (const row of figures.filter((candidate) => candidate.formulaCount !== undefined)) {
    console.log(`${row.label}: ${row.formulaCount} formulas, the last typeset ${figure(row.formulasTypesetMs, 0)} ms after the whole answer was shown`);
  }
  console.log("");
}

function printHistory(figures: HistoryFigures[]): void {
  console.log(`Opening a long saved conversation in Chromium (from the click on it); load average ${loadAverage()}`);
  const rows = figures.map((row) => [
    `${row.exchanges} exchanges, answers of ${row.characters.toLocaleString("en")} chars (${row.savedCharacters.toLocaleString("en")} saved)`,
    figure(row.shownMs, 0),
    figure(row.inViewFormattedMs, 0),
    figure(row.allFormattedMs, 0),
    row.longestTaskMs === undefined ? "< 50" : figure(row.longestTaskMs, 0),
    figure(row.totalBlockingMs, 0),
  ]);
  console.log(formatTable(["", "shown ms", "answer in view formatted ms", "every answer formatted ms", "longest task ms", "TBT ms"], rows));
  console.log("");
}

function printTraces(figures: PageFigures[]): void {
  for (const row of figures) {
    if (!row.tracePath) continue;
    const { tasks, total } = summarizeTrace(row.tracePath, path.join(repositoryRoot, benchDistDir, "static"));
    console.log(`Trace of ${row.label} (${path.relative(repositoryRoot, row.tracePath)}), tasks of 50 ms or more:`);
    console.log(formatTaskSummary("  all of them", total).join("\n"));
    tasks.forEach((task, index) => console.log(formatTaskSummary(`  longest ${index + 1}`, task).join("\n")));
    console.log("");
  }
}

function printResume({ loads: measured, resumeStarts }: ResumeBenchResults): void {
  for (const { load, figures } of measured) {
    console.log(
      `Resumable answers: ${describeLoad(load)}, ${resumeLoadRuns} times in a row on each server (CPU per token over all, lag the median of the runs'); load average ${loadAverage()}`,
    );
    const rows = figures.map((row) => [
      row.name,
      `${row.exactStreams}/${row.streams}`,
      figure(row.lagMs.p50, 2),
      figure(row.lagMs.p99, 2),
      figure(row.cpuMicrosPerToken, 0),
      figure(row.redisCpuMicrosPerToken, 0),
      figure(row.redisCommandsPerToken, 2),
      figure(mib(row.peakRssBytes), 0),
      figure(row.seconds),
    ]);
    console.log(formatTable(["", "exact", "lag p50 ms", "lag p99 ms", "CPU µs/token", "Redis CPU µs/token", "Redis cmds/token", "peak RSS MiB", "wall s"], rows));
    const plain = figures.find((row) => row.name === "not resumable");
    for (const row of figures) {
      if (row === plain || !plain?.cpuMicrosPerToken || !row.cpuMicrosPerToken || plain.lagMs.p99 === undefined || row.lagMs.p99 === undefined) continue;
      const withRedis = (row.cpuMicrosPerToken + (row.redisCpuMicrosPerToken ?? 0)) / plain.cpuMicrosPerToken;
      console.log(
        `${row.name} ÷ not resumable: CPU per token ${(row.cpuMicrosPerToken / plain.cpuMicrosPerToken).toFixed(2)}× (with Redis's own ${withRedis.toFixed(2)}×; goal ≤ 1.5×), lag p99 ${row.lagMs.p99 - plain.lagMs.p99 >= 0 ? "+" : ""}${(row.lagMs.p99 - plain.lagMs.p99).toFixed(2)} ms (goal ≤ +5 ms)`,
      );
    }
    for (const row of figures) {
      if (row.problems.length === 0) continue;
      console.log(`  ${row.name}: ${row.problems.join("; ")}`);
      for (const line of row.serverOutput ?? []) console.log(`    ${line.slice(0, 300)}`);
    }
    console.log("");
  }
  const first = resumeStarts[0];
  console.log(
    `Resume of an ended answer of ${first?.events.toLocaleString("en")} events, from its first event: the resuming server's first resume (cold), then ${first?.runs ?? 0} more; load average ${loadAverage()}`,
  );
  const rows = resumeStarts.map((row) => [
    `${row.name}, ${row.where}`,
    figure(row.coldFirstEventMs, 1),
    figure(row.firstEventMs.p50, 1),
    figure(row.firstEventMs.p99, 1),
    figure(row.wholeMs.p50, 1),
    figure(row.wholeMs.p99, 1),
    row.problem ?? "",
  ]);
  console.log(formatTable(["", "first resume: first event ms", "then: first event p50 ms", "first event p99 ms (goal < 50)", "whole replay p50 ms", "whole replay p99 ms", "problem"], rows));
  console.log("");
}

function printMemory(figures: MemoryFigures[]): void {
  const streams = figures[0]?.streams ?? 0;
  console.log(`Memory: heap (with Buffers) per stream held open mid-answer, after a full GC, ${streams} streams; a fresh server with --expose-gc; load average ${loadAverage()}`);
  const rows = figures.map((row) => [targetNames[row.target], figure(row.perStreamKiB.short), figure(row.perStreamKiB.long)]);
  console.log(formatTable(["", "one-line prompt KiB", `with a ${longHistoryCharacters.toLocaleString("en")}-character earlier message KiB`], rows));
  console.log("");
}

function printBundle(bundle: BundleFigures): void {
  console.log(`Bundle: first-load JS of / = ${(bundle.gzipBytes / 1000).toFixed(1)} kB gzipped (${(bundle.bytes / 1000).toFixed(0)} kB raw, ${bundle.files.length} files)\n`);
}

printMachine();
if (!options["no-build"]) build();
// The standalone server serves the page's scripts from beside it (as `npm start`'s does after `npm run build`).
await copyStandaloneAssets(benchDistDir, repositoryRoot);
const results: Record<string, unknown> = {
  machine: describeMachine(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"),
  loadAverageAtStart: loadAverage(),
  appNodeFlags: appNodeFlagsInUse(),
  warmUpRounds,
};
const mock = await startMock();
try {
  if (parts.has("bundle") || parts.has("page")) {
    const app = await startApp({ mockOrigin: mock.origin });
    try {
      if (parts.has("bundle")) {
        const bundle = await measureFirstLoadJs(app.origin);
        printBundle(bundle);
        results.bundle = bundle;
      }
      if (parts.has("page")) {
        const traceDirectory = options.trace ? path.join(resultsDirectory, `traces-${Date.now()}`) : undefined;
        if (traceDirectory) mkdirSync(traceDirectory, { recursive: true });
        const page = await runPageBench(app.origin, mock.origin, pageRuns, traceDirectory);
        printPage(page);
        if (traceDirectory) printTraces(page);
        results.page = page;
        const history = await runHistoryBench(app.origin, historyCases);
        printHistory(history);
        results.history = history;
      }
    } finally {
      await app.stop();
    }
  }
  if (parts.has("resume")) {
    const resume = await runResumeBench(mock, resumeLoads);
    printResume(resume);
    results.resume = resume;
  }
  if (parts.has("memory")) {
    const memory = await runMemoryBench(mock, targetOrder);
    printMemory(memory);
    results.memory = memory;
  }
  if (parts.has("relay")) {
    const profileDirectory = options.profile ? path.join(resultsDirectory, `profiles-${Date.now()}`) : undefined;
    if (profileDirectory) mkdirSync(profileDirectory, { recursive: true });
    const relayRounds: RelayLoadResult[][] = [];
    for (let round = 0; round < rounds; round++) {
      // Alternating the order, no target always runs first (on a machine rested longest) or right after the heaviest.
      const targets = round % 2 === 0 ? targetOrder : [...targetOrder].reverse();
      if (rounds > 1) console.log(`Relay, round ${round + 1} of ${rounds}: ${targets.join(", ")}\n`);
      // Profiled in the first round only: one profile a load.
      const relay = await runRelayBench({ mock, loads, targets, profileDirectory: round === 0 ? profileDirectory : undefined, onFigures: () => undefined });
      for (const result of relay) printLoad(result);
      if (round === 0 && profileDirectory) printProfiles(profileDirectory, relay);
      relayRounds.push(relay);
    }
    results.relay = relayRounds[0];
    if (rounds > 1) {
      const summaries = summarizeRounds(relayRounds);
      printRounds(summaries);
      results.relayRounds = { rounds: relayRounds, summaries };
    }
  }
} finally {
  await mock.stop();
}
results.loadAverageAtEnd = loadAverage();
console.log(`load average at end: ${loadAverage()}`);
mkdirSync(resultsDirectory, { recursive: true });
const resultsFile = path.join(resultsDirectory, `bench-${new Date().toISOString().replaceAll(":", "-")}.json`);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`figures saved in ${path.relative(repositoryRoot, resultsFile)}`);
rmSync(path.join(resultsDirectory, ".tmp"), { recursive: true, force: true });
