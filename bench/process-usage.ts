import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

/** Kernel clock ticks per second, the unit of utime and stime in /proc/<pid>/stat. */
const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // the process has ended
  }
}

/** `pid` and every live process below it (Next may start workers). */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const parent = Number(statFields(child)?.[1]);
    if (!parents.has(parent)) parents.set(parent, []);
    parents.get(parent)?.push(child);
  }
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) tree.push(...(parents.get(tree[index] as number) ?? []));
  return tree;
}

/** CPU time (user + system) the process tree of `pid` has used so far, in microseconds. */
export function cpuMicros(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) {
    const fields = statFields(member);
    // Fields 14 and 15 of stat (utime, stime): indexes 11 and 12 after the command name.
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1_000_000) / ticksPerSecond;
}

function statusKibibytes(pid: number, field: "VmHWM" | "VmRSS"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
}

/**
 * Follows the resident memory of `pid`'s tree (as it is now) from now on: resets the kernel's
 * peak (VmHWM, by writing 5 to clear_refs) and also samples VmRSS, in case
 * the reset is not allowed here. `stop()` returns the peak in bytes.
 */
export function watchPeakMemory(pid: number, sampleMs = 50): { stop(): number } {
  const members = processTree(pid);
  let resetWorked = true;
  for (const member of members) {
    try {
      writeFileSync(`/proc/${member}/clear_refs`, "5");
    } catch {
      resetWorked = false;
    }
  }
  let sampledPeak = 0;
  const sample = () => {
    let total = 0;
    for (const member of members) {
      try {
        total += statusKibibytes(member, "VmRSS");
      } catch {
        // ended between the listing and the read
      }
    }
    sampledPeak = Math.max(sampledPeak, total);
  };
  sample();
  const timer = setInterval(sample, sampleMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      if (!resetWorked) return sampledPeak * 1024;
      let peak = 0;
      for (const member of members) {
        try {
          peak += statusKibibytes(member, "VmHWM");
        } catch {
          // ended
        }
      }
      return Math.max(peak, sampledPeak) * 1024;
    },
  };
}
