import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { locateFrame } from "./profile-summary";

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame; children?: number[] }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface TaskSummary {
  /** Page-relative start, ms since the trace began. */
  startMs: number;
  durationMs: number;
  /** Self time by trace event (Layout, UpdateLayoutTree, FunctionCall, MinorGC, ...), ms, largest first. */
  events: Array<[string, number]>;
  /** Self time by JS function (through the build's source maps), ms, largest first. */
  functions: Array<[string, number]>;
  /** Time with the project's own functions on the stack (inclusive), ms, largest first. */
  ours: Array<[string, number]>;
}

const top = <T extends [string, number]>(totals: Map<string, number>, count: number) =>
  [...totals].sort((a, b) => b[1] - a[1]).slice(0, count) as T[];

/**
 * The main-thread tasks of a Chromium trace (Playwright's
 * `browser.startTracing` with the devtools.timeline and cpu_profiler
 * categories) that took at least `overMs`: for each, its self time by trace
 * event (script, style, layout, paint, GC) and by JS function, the chunk's
 * code named through `staticDirectory`'s source maps (`_next/static/...`).
 */
export function summarizeTrace(traceFile: string, staticDirectory: string, overMs = 50): { tasks: TaskSummary[]; total: TaskSummary } {
  const parsed = JSON.parse(readFileSync(traceFile, "utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const mainThreads = new Set(events.filter((event) => event.ph === "M" && event.args?.name === "CrRendererMain").map((event) => `${event.pid}:${event.tid}`));
  // The page's renderer: the main thread that ran the most.
  const busy = new Map<string, number>();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (event.ph === "X" && mainThreads.has(thread)) busy.set(thread, (busy.get(thread) ?? 0) + (event.dur ?? 0));
  }
  const main = top(busy, 1)[0]?.[0];
  const onMain = events.filter((event) => `${event.pid}:${event.tid}` === main).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const firstTs = events.reduce((least, event) => (event.ts > 0 && event.ts < least ? event.ts : least), Infinity);

  // Self time of every complete event, by name, at its start time.
  const selfTimes: Array<{ ts: number; name: string; self: number }> = [];
  const stack: Array<{ end: number; name: string; ts: number; children: number }> = [];
  const close = (until: number) => {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= until) {
      const done = stack.pop() as (typeof stack)[number];
      const duration = done.end - done.ts;
      selfTimes.push({ ts: done.ts, name: done.name, self: duration - done.children });
      const parent = stack[stack.length - 1];
      if (parent) parent.children += duration;
    }
  };
  for (const event of onMain) {
    if (event.ph !== "X" || !event.dur) continue;
    close(event.ts);
    stack.push({ ts: event.ts, end: event.ts + event.dur, name: event.name, children: 0 });
  }
  close(Infinity);

  // The page's CPU profile (CDP's Profiler, written beside the trace): its timestamps are on the trace's clock.
  const samples: Array<{ ts: number; nodeKey: string; micros: number }> = [];
  const nodes = new Map<string, { frame: CallFrame; parent?: string }>();
  const profileFile = `${traceFile}.cpuprofile`;
  let profileStart = -Infinity;
  if (existsSync(profileFile)) {
    const profile = JSON.parse(readFileSync(profileFile, "utf8")) as CpuProfile;
    const parents = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, String(node.id)] as const)));
    for (const node of profile.nodes) nodes.set(String(node.id), { frame: node.callFrame, parent: parents.get(node.id) });
    profileStart = profile.startTime;
    let clock = profile.startTime;
    profile.samples.forEach((nodeId, index) => {
      clock += profile.timeDeltas[index] ?? 0;
      // A sample stands for the time until the next one.
      const micros = Math.max(0, profile.timeDeltas[index + 1] ?? 0);
      const name = nodes.get(String(nodeId))?.frame.functionName;
      if (name !== "(idle)" && name !== "(program)") samples.push({ ts: clock, nodeKey: String(nodeId), micros });
    });
  }
  const located = new Map<string, ReturnType<typeof locateFrame>>();
  const locate = (key: string) => {
    let place = located.get(key);
    const frame = nodes.get(key)?.frame;
    if (!place && frame) {
      place = locateFrame(frame, (url) => url.replace(/^https?:\/\/[^/]+\/_next\/static\//, `${staticDirectory}/`));
      located.set(key, place);
    }
    return place;
  };

  // Tasks from the profiler's start on: starting it (it walks every compiled function) is a long task of the trace's own making.
  const tasks = onMain.filter((event) => event.ph === "X" && event.name === "RunTask" && (event.dur ?? 0) >= overMs * 1000 && event.ts > profileStart);
  const summarize = (windows: TraceEvent[]): TaskSummary => {
    const byEvent = new Map<string, number>();
    const byFunction = new Map<string, number>();
    const inside = (ts: number) => windows.some((task) => ts >= task.ts && ts < task.ts + (task.dur ?? 0));
    for (const entry of selfTimes) if (entry.name !== "RunTask" && inside(entry.ts)) byEvent.set(entry.name, (byEvent.get(entry.name) ?? 0) + entry.self / 1000);
    const ours = new Map<string, number>();
    for (const sample of samples) {
      if (!inside(sample.ts)) continue;
      const where = locate(sample.nodeKey)?.where ?? "?";
      byFunction.set(where, (byFunction.get(where) ?? 0) + sample.micros / 1000);
      // Inclusive time of the project's own functions on the sample's stack (each counted once per sample).
      const seen = new Set<string>();
      for (let key: string | undefined = sample.nodeKey; key; key = nodes.get(key)?.parent) {
        const place = locate(key);
        if (!place || !/^(app|components|lib)\//.test(place.area)) continue;
        if (seen.has(place.where)) continue;
        seen.add(place.where);
        ours.set(place.where, (ours.get(place.where) ?? 0) + sample.micros / 1000);
      }
    }
    const first = windows[0];
    return {
      startMs: first ? (first.ts - firstTs) / 1000 : 0,
      durationMs: windows.reduce((sum, task) => sum + (task.dur ?? 0), 0) / 1000,
      events: top(byEvent, 8),
      functions: top(byFunction, 10),
      ours: top(ours, 10),
    };
  };
  return {
    tasks: [...tasks]
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 5)
      .map((task) => summarize([task])),
    total: summarize(tasks),
  };
}

export function formatTaskSummary(title: string, summary: TaskSummary): string[] {
  const milliseconds = ([name, ms]: [string, number]) => `${name} ${ms.toFixed(0)}`;
  return [
    `${title}: ${summary.durationMs.toFixed(0)} ms${summary.startMs ? ` at ${(summary.startMs / 1000).toFixed(1)} s` : ""}`,
    `    by event: ${summary.events.map(milliseconds).join(", ")}`,
    "    self time by function:",
    ...summary.functions.map(([where, ms]) => `    ${ms.toFixed(1).padStart(7)} ms  ${where}`),
    "    our functions on the stack:",
    ...summary.ours.map(([where, ms]) => `    ${ms.toFixed(1).padStart(7)} ms  ${where}`),
  ];
}

// `node --import tsx bench/trace-summary.ts TRACE.json [STATIC_DIR] [OVER_MS]`
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [file, staticDirectory = ".next-bench/static", over = "50"] = process.argv.slice(2);
  const { tasks, total } = summarizeTrace(file ?? "", staticDirectory, Number(over));
  console.log(formatTaskSummary(`all tasks over ${over} ms`, total).join("\n"));
  tasks.forEach((task, index) => console.log(formatTaskSummary(`task ${index + 1}`, task).join("\n")));
}
