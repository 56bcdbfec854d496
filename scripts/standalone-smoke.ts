/**
 * `npm run test:standalone`: the smoke test of `output: "standalone"`, run the
 * way people deploy it (Next's docs): `public/` and `.next/static` copied
 * beside `.next/standalone/server.js`, started with plain `node`. One page
 * load with its CSP and a static chunk, one streamed answer checked byte for
 * byte against the mock upstream. NODE_BINARY picks the Node that runs the
 * server (CI runs this on Node 24 too). Needs `next build` first.
 */
import { spawn } from "node:child_process";
import { cp } from "node:fs/promises";
import { createServer } from "node:net";
import { decodeSse } from "@/lib/sse/decode";
import { mockTexts } from "@/mock/scenarios";
import { startMockServer } from "@/mock/mock-server";

const standalone = ".next/standalone";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

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

await cp("public", `${standalone}/public`, { recursive: true });
await cp(".next/static", `${standalone}/.next/static`, { recursive: true });

const mock = await startMockServer();
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const nodeBinary = process.env.NODE_BINARY ?? process.execPath;
const server = spawn(nodeBinary, ["server.js"], {
  cwd: standalone,
  env: {
    PATH: process.env.PATH,
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
  process.stdout.write(`standalone server on Node ${version}, ${base}\n`);
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
