import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A stretch of the monotonic clock in microseconds (V8's profile timestamps are on it too). */
export interface TimeWindow {
  fromMicros: number;
  toMicros: number;
}

export interface ProfileLine {
  where: string;
  /** Share of the busy samples (idle excluded), 0..1. */
  share: number;
}

const sourceMaps = new Map<string, SourceMap | undefined>();

function sourceMapOf(servedFile: string): SourceMap | undefined {
  // The standalone server runs copies of the build's files (`.next-bench/standalone/X`) without
  // their maps; the build's own (`X`, from the repository's root) have them.
  const file = servedFile.replace(/\/\.next[^/]*\/standalone\//, "/");
  if (!sourceMaps.has(file)) {
    // Turbopack names a chunk's map after the map's own hash: the chunk's last line says which.
    const named = existsSync(file) ? /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, "utf8").slice(-300))?.[1] : undefined;
    // The name is a URL: Turbopack's chunk names have brackets, written %5B and %5D.
    const mapFile = named && !named.startsWith("data:") ? path.resolve(path.dirname(file), decodeURIComponent(named)) : `${file}.map`;
    sourceMaps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))) : undefined);
  }
  return sourceMaps.get(file);
}

/**
 * Where a frame's code came from: the original file (through the build's
 * source maps) and function. `fileOf` maps a URL that is not a file's (a
 * page's script) to the file on disk.
 */
export function locateFrame(
  { functionName, url, lineNumber, columnNumber }: ProfileNode["callFrame"],
  fileOf: (url: string) => string = (url) => url,
): { area: string; where: string } {
  if (!url) return { area: functionName || "(anonymous)", where: functionName || "(anonymous)" };
  if (url.startsWith("node:")) return { area: url.replace(/^node:(internal\/)?/, "node:"), where: `${url} ${functionName}` };
  const file = url.startsWith("file://") ? fileURLToPath(url) : fileOf(url);
  let source = file;
  let name = functionName;
  const entry = sourceMapOf(file)?.findEntry(lineNumber, columnNumber);
  if (entry && "originalSource" in entry && entry.originalSource) {
    source = entry.originalSource;
    // Minified names say nothing: the original line does.
    name = `${(entry as { name?: string }).name ?? ""}:${entry.originalLine + 1}`;
  }
  source = source.replace(/^.*?\[project\]\//, "").replace(/^turbopack:\/\/\//, "");
  const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1];
  const area = packageName ? packageName : source.startsWith("/") ? path.basename(source) : source;
  return { area, where: `${source.replace(/^.*node_modules\//, "")} ${name || "(anonymous)"}` };
}

/**
 * Self time of a V8 CPU profile (`node --cpu-prof`) by area (a package, one
 * of our files, a node module, GC) and by function, through the build's
 * source maps, so a minified Next build still names our code; within
 * `window` only (a load, without the server's start and warm-up).
 */
export function summarizeProfile(profileFile: string, top = 15, window?: TimeWindow): { busyMs: number; areas: ProfileLine[]; functions: ProfileLine[] } {
  const profile = JSON.parse(readFileSync(profileFile, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  let sampledAt = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    sampledAt += delta;
    if (window && (sampledAt < window.fromMicros || sampledAt > window.toMicros)) return;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + delta);
  });
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of selfMicros) {
    const node = nodes.get(id);
    if (!node || node.callFrame.functionName === "(idle)") continue;
    busy += micros;
    const { area, where } = locateFrame(node.callFrame);
    areas.set(area, (areas.get(area) ?? 0) + micros);
    functions.set(where, (functions.get(where) ?? 0) + micros);
  }
  const ranked = (totals: Map<string, number>) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([where, micros]) => ({ where, share: micros / busy }));
  return { busyMs: busy / 1000, areas: ranked(areas), functions: ranked(functions) };
}

// `node --import tsx bench/profile-summary.ts FILE.cpuprofile` (PROFILE_WINDOW=fromµs,toµs to keep a stretch).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [from, to] = (process.env.PROFILE_WINDOW ?? "").split(",").map(Number);
  const window = from && to ? { fromMicros: from, toMicros: to } : undefined;
  for (const file of process.argv.slice(2)) {
    const summary = summarizeProfile(file, 30, window);
    console.log(`${file}: ${summary.busyMs.toFixed(0)} ms busy`);
    for (const [title, lines] of [["by area", summary.areas], ["by function", summary.functions]] as const) {
      console.log(`  ${title}`);
      for (const line of lines) console.log(`    ${(line.share * 100).toFixed(1).padStart(5)} %  ${line.where}`);
    }
  }
}
