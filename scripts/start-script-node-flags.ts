import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The node flags `npm start` runs the server with (package.json's `start`
 * script), read from there so that the benchmark's servers and the
 * standalone smoke test run what ships.
 */
export function startScriptNodeFlags(repositoryRoot: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(repositoryRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return (/^node((?:\s+--\S+)*)\s/.exec(scripts.start ?? "")?.[1] ?? "").split(/\s+/).filter(Boolean);
}
