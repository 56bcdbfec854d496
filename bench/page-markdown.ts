/**
 * The page benchmark for long markdown answers (issue 6): a 40,000-character
 * markdown answer streamed by the mock upstream at full speed, rendered by
 * `next start` in Chromium. Prints, as one JSON line:
 * - textOnScreenMs, formattedMs, settledMs: from the page reading the last
 *   byte of the answer to the frame that shows all its text, all of it
 *   formatted, and the last change (highlighting);
 * - longestTaskMs and longTasks: main-thread tasks over 50 ms while the
 *   answer streamed and caught up (PerformanceObserver "longtask");
 * - renders, frames: renders of the answer and animation frames meanwhile;
 * - blockParses: markdown blocks parsed (each render parses the growing block);
 * - otherMessageRenders: renders of the earlier, finished answer meanwhile.
 *
 * Usage (after `next build`): `tsx bench/page-markdown.ts [length] [delta size]`.
 * Ports: BENCH_MOCK_PORT (default 5410), BENCH_APP_PORT (5411).
 */
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { type CDPSession, chromium } from "@playwright/test";
import { startMockServer } from "../mock/mock-server";

const length = Number(process.argv[2] ?? 40_000);
const deltaSize = Number(process.argv[3] ?? 4);
const mockPort = Number(process.env.BENCH_MOCK_PORT ?? 5410);
const appPort = Number(process.env.BENCH_APP_PORT ?? 5411);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function waitForServer(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Runs in the page before the app: records the stream's last read, the answer on each frame after a change, long tasks and frames. */
function instrumentPage() {
  type Frame = { at: number; done: boolean; plainBlocks: number };
  type Probe = { lastReadAt: number; frames: Frame[]; longTasks: number[]; frameCount: number; watching: boolean };
  const probe: Probe = { lastReadAt: 0, frames: [], longTasks: [], frameCount: 0, watching: false };
  (window as unknown as { benchProbe: Probe }).benchProbe = probe;
  const read = ReadableStreamDefaultReader.prototype.read;
  ReadableStreamDefaultReader.prototype.read = async function (this: ReadableStreamDefaultReader) {
    const result = await read.call(this);
    if (!result.done && probe.watching) probe.lastReadAt = performance.now();
    return result;
  } as typeof read;
  new PerformanceObserver((list) => {
    if (probe.watching) for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: "longtask" });
  const tick = () => {
    if (probe.watching) probe.frameCount += 1;
    requestAnimationFrame(tick);
  };
  addEventListener("DOMContentLoaded", () => {
    requestAnimationFrame(tick);
    let pending = false;
    new MutationObserver(() => {
      if (!probe.watching || pending) return;
      pending = true;
      // Once per frame after a change: what the long answer shows, and how many blocks wait to be parsed.
      requestAnimationFrame(() => {
        pending = false;
        const answer = document.querySelectorAll('article[data-role="assistant"]')[1];
        if (!answer) return;
        const plainBlocks = answer.querySelectorAll('[data-part="content"] > p.whitespace-pre-wrap').length;
        // "done" is set in the render that shows the last text (as parsed blocks or, for a moment, as plain text).
        probe.frames.push({ at: performance.now(), done: answer.getAttribute("data-status") === "done", plainBlocks });
      });
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function metricsOf(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return new Map(metrics.map((metric) => [metric.name, metric.value]));
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("run `next build` first");
  const mock = await startMockServer(mockPort);
  const app = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(appPort)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", OPENAI_API_KEY: "bench-key-not-real", OPENAI_BASE_URL: mock.baseUrl, OPENAI_MODEL: "mock-model", CHAT_RATE_LIMIT: "0", AZURE_OPENAI_ENDPOINT: "", AZURE_OPENAI_API_KEY: "" },
    stdio: "ignore",
  });
  const browser = await chromium.launch({ executablePath: existsSync(chromiumPath) ? chromiumPath : undefined, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    await waitForServer(`http://127.0.0.1:${appPort}/api/models`);
    const page = await browser.newPage();
    // tsx (esbuild) wraps named functions in __name(), which the page does not have.
    await page.addInitScript("window.__name = (target) => target");
    await page.addInitScript(instrumentPage);
    await page.goto(`http://127.0.0.1:${appPort}/`);
    const message = page.getByRole("textbox", { name: "Message" });
    const answers = page.getByRole("log").locator('article[data-role="assistant"]');

    // A finished answer first: it must not render again while the long one streams.
    await message.fill("mock:markdown interval=0");
    await message.press("Enter");
    await page.locator('article[data-role="assistant"][data-status="done"]').waitFor();
    const firstId = (await answers.first().getAttribute("data-message-id")) ?? "";

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    const session = process.env.BENCH_PROFILE ? cdp : undefined;
    if (session) {
      await session.send("Profiler.enable");
      await session.send("Profiler.start");
    }
    const counts = () => page.evaluate(() => Object.fromEntries(window.__streamchatRenderCounts ?? new Map()));
    const before = await counts();
    await page.evaluate(() => ((window as unknown as { benchProbe: { watching: boolean } }).benchProbe.watching = true));
    const metricsBefore = await metricsOf(cdp);
    await message.fill(`mock:long length=${length} size=${deltaSize} interval=0 burst=50 first=0`);
    await message.press("Enter");
    // Waits inside the page, on a MutationObserver: Playwright's own polling would load the main thread.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const done = () => document.querySelectorAll('article[data-role="assistant"][data-status="done"]').length >= 2;
          if (done()) return resolve();
          new MutationObserver((_records, observer) => {
            if (!done()) return;
            observer.disconnect();
            resolve();
          }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-status"] });
        }),
    );
    await page.waitForTimeout(2_000);
    const metricsAfter = await metricsOf(cdp);
    if (session) {
      const { profile } = await session.send("Profiler.stop");
      writeFileSync(process.env.BENCH_PROFILE ?? "", JSON.stringify(profile));
    }
    type Frame = { at: number; done: boolean; plainBlocks: number };
    const probe = await page.evaluate(
      () => (window as unknown as { benchProbe: { lastReadAt: number; frames: Frame[]; longTasks: number[]; frameCount: number } }).benchProbe,
    );
    const after = await counts();
    const secondId = (await answers.nth(1).getAttribute("data-message-id")) ?? "";
    const since = (frame: Frame | undefined) => (frame ? Math.round(frame.at - probe.lastReadAt) : null);
    console.log(
      JSON.stringify({
        length,
        deltaSize,
        deltas: Math.ceil(length / deltaSize),
        // From the page reading the last byte to the frame showing all the text, all of it formatted, and the last change (highlighting).
        textOnScreenMs: since(probe.frames.find((frame) => frame.done)),
        formattedMs: since(probe.frames.find((frame) => frame.done && frame.plainBlocks === 0)),
        settledMs: since(probe.frames.at(-1)),
        longestTaskMs: Math.round(Math.max(0, ...probe.longTasks)),
        longTasks: probe.longTasks.length,
        frames: probe.frameCount,
        renders: (after[secondId] ?? 0) - (before[secondId] ?? 0),
        blockParses: (after["markdown-block"] ?? 0) - (before["markdown-block"] ?? 0),
        otherMessageRenders: (after[firstId] ?? 0) - (before[firstId] ?? 0),
        // Main-thread time by kind while the answer streamed (Chromium's Performance domain).
        ...Object.fromEntries(
          ["ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskDuration"].map((name) => [
            `${name.replace("Duration", "").toLowerCase()}Ms`,
            Math.round(((metricsAfter.get(name) ?? 0) - (metricsBefore.get(name) ?? 0)) * 1000),
          ]),
        ),
      }),
    );
  } finally {
    await browser.close();
    app.kill();
    await mock.close();
  }
}

await main();
