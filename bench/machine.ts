import { execFileSync } from "node:child_process";
import os from "node:os";

function commandOutput(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium?: string;
  commit?: string;
  date: string;
}

/** What the figures came from: they mean little without it. */
export function describeMachine(chromiumPath: string): Machine {
  const status = commandOutput("git", ["status", "--porcelain"]);
  const commit = commandOutput("git", ["rev-parse", "--short", "HEAD"]);
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: commandOutput(chromiumPath, ["--version"])?.split("\n")[0],
    commit: commit && (status ? `${commit} (with uncommitted changes)` : commit),
    date: new Date().toISOString(),
  };
}

/** The 1-, 5- and 15-minute load averages: above the core count, other work was competing for the CPU. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}
