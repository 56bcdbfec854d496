import { spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "../../lib/testing/free-port";

/** One `chat.outcome` line as an instance wrote it (shared/PROTOCOL.md). */
export interface OutcomeLine {
  event: "chat.outcome";
  id: string;
  outcome: string;
  deltas: number;
  resumes?: number;
  error?: string;
}

export interface NextInstance {
  name: string;
  origin: string;
  pid: number;
  /** Every line it wrote to standard output and error so far. */
  stdout: string[];
  stderr: string[];
  outcomes(): OutcomeLine[];
  /** The one outcome line of answer `id`, once written. */
  outcomeOf(id: string, timeoutMs?: number): Promise<OutcomeLine>;
  stop(): Promise<void>;
}

const repositoryRoot = path.resolve(import.meta.dirname, "../..");
const nextBinary = path.join(repositoryRoot, "node_modules/.bin/next");

/** Variables of the shell that would change how an instance answers: the test says each one it wants. */
const inheritedSettings = /^(CHAT_|REDIS_|OPENAI_|AZURE_|DEMO_)/;

function linesOf(stream: NodeJS.ReadableStream, into: string[]): void {
  let partial = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop() ?? "";
    into.push(...lines);
  });
}

/**
 * `next start` of the last `next build`, on a free loopback port, started by
 * its binary and stopped by its PID; its output is kept, to read the outcome
 * lines it writes. It resolves once `/api/health` answers, or at once with
 * `untouched` (for a test of what an instance does before any request).
 */
export async function startNextInstance(name: string, environment: Record<string, string>, { untouched = false } = {}): Promise<NextInstance> {
  const port = await freePort();
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !inheritedSettings.test(key)));
  const child = spawn(nextBinary, ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: repositoryRoot,
    env: { ...inherited, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...environment },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  linesOf(child.stdout, stdout);
  linesOf(child.stderr, stderr);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;

  const outcomes = () =>
    stdout.flatMap((line) => {
      if (!line.startsWith('{"event":"chat.outcome"')) return [];
      return [JSON.parse(line) as OutcomeLine];
    });

  const instance: NextInstance = {
    name,
    origin,
    pid: child.pid as number,
    stdout,
    stderr,
    outcomes,
    async outcomeOf(id, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = outcomes().filter((outcome) => outcome.id === id);
        if (found.length > 1) throw new Error(`${name} wrote ${found.length} outcome lines for ${id}`);
        if (found[0]) return found[0];
        if (Date.now() > deadline) throw new Error(`${name} wrote no outcome for ${id} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };

  if (untouched) return instance;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${stderr.slice(-10).join("\n")}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      await response.arrayBuffer();
      if (response.ok) return instance;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`${name} did not answer /api/health within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
