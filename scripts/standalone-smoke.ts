/**
 * `npm run test:standalone`: the smoke test of `output: "standalone"`, run the
 * way people deploy it (Next's docs): `public/` and `.next/static` copied
 * beside `.next/standalone/server.js`, started with plain `node` and the flags
 * of `npm start`. One page
 * load with its CSP and a static chunk, one streamed answer checked byte for
 * byte against the mock upstream. NODE_BINARY picks the Node that runs the
 * server (CI runs this on Node 24 too). Needs `next build` first.
 */
import { spawn } from "node:child_process";
import { decodeSse } from "@/lib/sse/decode";
import { freePort } from "@/lib/testing/free-port";
import { mockTexts } from "@/mock/scenarios";
import { startMockServer } from "@/mock/mock-server";
import { copyStandaloneAssets } from "./copy-standalone-assets";
import { startScriptNodeFlags } from "./start-script-node-flags";

const standalone = ".next/standalone";


function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`standalone smoke test: ${what}`);
  process.stdout.write(`  ✓ ${what}\n`);
}

async function waitUntilUp(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`standalone smoke test: ${url} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

await copyStandaloneAssets(".next");

/** Starts server.js with `environment`, asks it one request if it comes up, and returns what it wrote to stderr and its exit code (undefined: it ran, and was stopped). */
async function startBriefly(environment: Record<string, string>): Promise<{ stderr: string; exitCode: number | null | undefined }> {
  const port = await freePort();
  const child = spawn(process.env.NODE_BINARY ?? process.execPath, ["server.js"], {
    cwd: standalone,
    env: { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...environment },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => child.on("exit", (code) => ((exitCode = code), resolve())));
  const answered = waitUntilUp(`http://127.0.0.1:${port}/api/health`, Date.now() + 20_000);
  await Promise.race([exited, answered]);
  if (exitCode === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill("SIGTERM");
    await exited;
    exitCode = undefined;
  }
  return { stderr, exitCode };
}

const refused = await startBriefly({ HOSTNAME: "127.0.0.1", CHAT_ACCESS_CODES: "some-code" });
check(refused.exitCode === 1 && refused.stderr.includes("CHAT_SESSION_SECRET"), "with access codes but no session secret the server refuses to start, saying why");
const badRedis = await startBriefly({ HOSTNAME: "127.0.0.1", REDIS_URL: "redis://:secret@cache:6379x" });
check(
  badRedis.exitCode === 1 && badRedis.stderr.includes("REDIS_URL is not a URL") && !badRedis.stderr.includes("secret@"),
  "with a REDIS_URL that cannot be read the server refuses to start, saying why without repeating it",
);
const open = await startBriefly({ HOSTNAME: "0.0.0.0" });
check(/warning: .*no CHAT_ACCESS_CODES/.test(open.stderr), "listening beyond loopback without access codes, it warns");
const quiet = await startBriefly({ HOSTNAME: "127.0.0.1" });
check(!quiet.stderr.includes("warning:"), "on loopback it does not");

const mock = await startMockServer();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const nodeBinary = process.env.NODE_BINARY ?? process.execPath;
// With npm start's node flags: a flag one Node version does not know would stop `npm start` there.
const nodeFlags = startScriptNodeFlags(process.cwd());
const server = spawn(nodeBinary, [...nodeFlags, "server.js"], {
  cwd: standalone,
  env: {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    OPENAI_API_KEY: "test-key-not-real",
    OPENAI_BASE_URL: mock.baseUrl,
    OPENAI_MODEL: "mock-model",
  },
  stdio: ["ignore", "pipe", "inherit"],
});

try {
  const version = await new Promise<string>((resolve) => {
    const probe = spawn(nodeBinary, ["--version"]);
    let output = "";
    probe.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    probe.on("close", () => resolve(output.trim()));
  });
  process.stdout.write(`standalone server on Node ${version} ${nodeFlags.join(" ")}, ${base}\n`);
  await waitUntilUp(`${base}/api/health`, Date.now() + 30_000);

  const page = await fetch(`${base}/`);
  const html = await page.text();
  check(page.status === 200 && html.includes("<html"), "the page loads");
  check(/frame-ancestors 'none'/.test(page.headers.get("content-security-policy") ?? ""), "the page carries its Content-Security-Policy");
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  check(chunk !== undefined && (await fetch(`${base}${chunk}`)).status === 200, "static chunks are served from the copied .next/static");

  const response = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ messages: [{ role: "user", content: "mock:multilingual split=1 interval=2" }] }),
  });
  check(response.headers.get("content-type")?.startsWith("text/event-stream") === true, "the answer streams as text/event-stream");
  let text = "";
  let done = false;
  for await (const message of decodeSse(response.body ?? new ReadableStream())) {
    if (message.data === "[DONE]") done = true;
    else if (message.event === "delta") text += (JSON.parse(message.data) as { content: string }).content;
  }
  check(done && text === mockTexts.multilingual, "one streamed answer arrives exact, CJK and emoji cut mid-byte included, to [DONE]");
} finally {
  server.kill("SIGTERM");
  await mock.close();
}
