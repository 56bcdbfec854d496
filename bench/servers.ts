import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "../lib/testing/free-port";
import { startScriptNodeFlags } from "../scripts/start-script-node-flags";

export const repositoryRoot = path.resolve(import.meta.dirname, "..");

export interface RunningServer {
  pid: number;
  origin: string;
  /** The last lines it wrote, for a report when something fails. */
  output: string[];
  stop(): Promise<void>;
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: string[], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode}):\n${output.join("")}`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output.join("")}`);
}

function startProcess(command: string, args: string[], environment: NodeJS.ProcessEnv, origin: string, readyPath: string, cwd = repositoryRoot): Promise<RunningServer> {
  const child = spawn(command, args, { cwd, env: environment, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString("utf8"));
    if (output.length > 40) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: RunningServer = {
    pid: child.pid as number,
    origin,
    output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
  return waitUntilAnswering(`${origin}${readyPath}`, child, output).then(
    () => server,
    async (error: unknown) => {
      await server.stop();
      throw error;
    },
  );
}

/** The scripted mock upstream in its own process (its CPU is not the app's, and it is not slowed by the reader). */
export async function startMock(): Promise<RunningServer> {
  const port = await freePort();
  return startProcess(process.execPath, ["--import", "tsx", "mock/main.ts", String(port)], process.env, `http://127.0.0.1:${port}`, "/__mock/requests");
}

export interface AppOptions {
  mockOrigin: string;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Extra environment, e.g. `REDIS_URL`. */
  environment?: Record<string, string>;
}

// Every app target runs with them (the baselines too, so that the route is all that differs): what is measured is what ships.
let appNodeFlags = startScriptNodeFlags(repositoryRoot);

/** Node flags for every app server started from now on, instead of `npm start`'s (`--node-flags`). */
export function setAppNodeFlags(flags: string[]): void {
  appNodeFlags = flags;
}

export function appNodeFlagsInUse(): string[] {
  return appNodeFlags;
}

/** The benchmark build's own build directory; its standalone server is `${benchDistDir}/standalone/server.js`. */
export const benchDistDir = ".next-bench";

/**
 * The benchmark build's standalone server (`.next-bench/standalone/server.js`,
 * its static files copied beside it by the benchmark), started the way
 * `npm start` starts ours: plain node with `npm start`'s flags, pointed at
 * the mock. Not `next start`: that compiles next.config.ts at start and so
 * loads Next's SWC compiler, 25 MiB of RSS that the server `npm start` runs
 * never has.
 */
export async function startApp({ mockOrigin, nodeFlags = [], environment: extra = {} }: AppOptions): Promise<RunningServer> {
  const port = await freePort();
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    STREAMCHAT_BENCH: "1",
    OPENAI_API_KEY: "bench-key-not-real",
    OPENAI_BASE_URL: `${mockOrigin}/v1`,
    OPENAI_MODEL: "mock-model",
    AZURE_OPENAI_ENDPOINT: "",
    AZURE_OPENAI_API_KEY: "",
    // One client sends every request: the per-client rate limit would stop the loads,
    // and 1,000 streams at once are above the default of 256 in flight.
    CHAT_RATE_LIMIT: "0",
    CHAT_MAX_CONCURRENT: "5000",
    HOSTNAME: "127.0.0.1",
    PORT: String(port),
    ...extra,
  };
  const standalone = path.join(repositoryRoot, benchDistDir, "standalone");
  return startProcess(process.execPath, [...appNodeFlags, ...nodeFlags, "server.js"], environment, `http://127.0.0.1:${port}`, "/api/models", standalone);
}
