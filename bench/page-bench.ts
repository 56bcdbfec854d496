import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { documentAnswer, documentAnswerEnd } from "../mock/markdown-answer";
import type { MockRequestRecord } from "../mock/mock-server";
import { installProbe, renderCounts, watchAnswer, type PageProbe } from "./page-probe";

export interface PageRun {
  label: string;
  characters: number;
  /** 0: as fast as the relay sends it (the mock writes every token at once). */
  intervalMs: number;
  /** The answer has formulas too (84 in 40,000 characters), typeset with KaTeX. */
  formulas?: boolean;
  /** A reasoning model's: this many characters of reasoning come first (shown as they come, then folded). */
  reasoningCharacters?: number;
}

export interface PageFigures {
  label: string;
  /** The run's pace: 0 is full speed. */
  intervalMs: number;
  formulas: boolean;
  reasoningCharacters?: number;
  characters: number;
  tokens: number;
  /** The upstream's last token -> the whole answer painted. */
  catchUpMs: number;
  /** Of which: the upstream's last token -> the answer's last byte at the browser (the relay and the network), */
  relayMs?: number;
  /** and that last byte -> the whole answer painted (the page). */
  pageMs?: number;
  /** The longest main-thread task until the answer was shown (only tasks over 50 ms are reported by the browser), */
  longestTaskMs?: number;
  /** and in the 2 s after, while the text shown as written is formatted. */
  longestTaskAfterMs?: number;
  totalBlockingMs: number;
  framesPerSecond: number;
  longestFrameMs: number;
  /** Renders of the answer, and animation frames, from Enter to the whole answer on screen. */
  answerRenders: number;
  frames: number;
  /** With formulas: how many, and when the last was typeset, after the whole answer was shown. */
  formulaCount?: number;
  formulasTypesetMs?: number;
  /** Renders, meanwhile, of the messages that were already there (they should not re-render). */
  otherRenders: number;
  seconds: number;
  /** The run's Chromium trace, when asked for. */
  tracePath?: string;
}

/** Main-thread tasks and what they did (style, layout, paint, script, GC), as Chromium's Performance panel records them. */
const traceCategories = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute"];

const tokenSize = 4;
/** How long after the answer is shown its tasks are still looked at (it is formatted meanwhile). */
const formattingWindowMs = 2000;
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

async function mockRecordTagged(mockOrigin: string, tag: string): Promise<MockRequestRecord> {
  const records = (await (await fetch(`${mockOrigin}/__mock/requests`)).json()) as MockRequestRecord[];
  const record = records.findLast((candidate) => JSON.stringify(candidate.body.messages).includes(tag));
  if (!record) throw new Error(`the mock saw no request tagged ${tag}`);
  return record;
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill(text);
  await box.press("Enter");
}

async function measure(page: Page, mockOrigin: string, run: PageRun, timeoutMs: number): Promise<PageFigures> {
  const existing = await page.locator('[role="log"] article[data-role="assistant"]').count();
  const before = await page.evaluate(renderCounts);
  const tag = `tag=${Math.random().toString(36).slice(2, 10)}`;
  const pace = run.intervalMs === 0 ? "interval=0 burst=1000000" : `interval=${run.intervalMs}`;
  await page.evaluate(watchAnswer, { existing, endMarker: documentAnswerEnd });
  const reasoning = run.reasoningCharacters === undefined ? "" : ` reasoning=${run.reasoningCharacters}`;
  await send(page, `mock:document chars=${run.characters} size=${tokenSize} first=0 ${pace}${run.formulas ? " formulas=1" : ""}${reasoning} ${tag}`);
  await page.waitForFunction(() => window.__benchProbe?.shownAtEpoch !== undefined, null, { timeout: timeoutMs, polling: 250 });
  const probe = (await page.evaluate(() => window.__benchProbe)) as PageProbe;
  // Formulas are typeset after the text is on screen (the blocks they are in are formatted over
  // the next frames, then the formulas a few per task): when the last one is.
  const typeset = run.formulas
    ? await page.evaluate(
        (expected) =>
          new Promise<{ count: number; at?: number }>((resolve) => {
            const giveUpAt = performance.now() + 30_000;
            const check = () => {
              const formulas = document.querySelectorAll('[role="log"] article[data-role="assistant"]:last-of-type .math-formula');
              const done = [...formulas].filter((formula) => formula.getAttribute("data-state") === "typeset").length;
              if (done >= expected) resolve({ count: done, at: performance.now() });
              else if (performance.now() > giveUpAt) resolve({ count: done });
              else requestAnimationFrame(check);
            };
            check();
          }),
        // As many as the answer has delimiters that open one (\( and \[).
        (documentAnswer(run.characters, true).match(/\\[([]/g) ?? []).length,
      )
    : undefined;
  const after = await page.evaluate(renderCounts);
  const record = await mockRecordTagged(mockOrigin, tag);
  // When the browser had the answer's last byte: the resource timing of its request (the last POST /api/chat).
  const responseEndEpoch = await page.evaluate(() => {
    const entry = performance.getEntriesByType("resource").findLast((candidate) => new URL(candidate.name).pathname === "/api/chat") as PerformanceResourceTiming | undefined;
    return entry ? performance.timeOrigin + entry.responseEnd : undefined;
  });

  // Formatting goes on after the text is shown: its tasks count too.
  await page.waitForTimeout(formattingWindowMs);
  const longTasks = (await page.evaluate(() => window.__benchProbe?.longTasks)) ?? [];
  const shownAt = probe.shownAt as number;
  const from = probe.startedAt;
  const tasks = probe.longTasks.filter((task) => task.start >= from && task.start <= shownAt);
  const tasksAfter = longTasks.filter((task) => task.start > shownAt && task.start <= shownAt + formattingWindowMs);
  const streamFrames = probe.frames.filter((time) => time >= (probe.streamingFrom ?? from));
  const gaps = probe.frames.slice(1).map((time, index) => time - (probe.frames[index] as number));
  const streamSeconds = (shownAt - (probe.streamingFrom ?? from)) / 1000;
  const answerId = after.lastAnswerId ?? "";
  return {
    label: run.label,
    intervalMs: run.intervalMs,
    formulas: run.formulas === true,
    reasoningCharacters: run.reasoningCharacters,
    characters: documentAnswer(run.characters, run.formulas).length,
    tokens: record.tokensSent,
    catchUpMs: (probe.shownAtEpoch as number) - (record.lastTokenSentAt as number),
    relayMs: responseEndEpoch === undefined ? undefined : responseEndEpoch - (record.lastTokenSentAt as number),
    pageMs: responseEndEpoch === undefined ? undefined : (probe.shownAtEpoch as number) - responseEndEpoch,
    longestTaskMs: tasks.length > 0 ? Math.max(...tasks.map((task) => task.duration)) : undefined,
    longestTaskAfterMs: tasksAfter.length > 0 ? Math.max(...tasksAfter.map((task) => task.duration)) : undefined,
    totalBlockingMs: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    framesPerSecond: streamSeconds > 0 ? streamFrames.length / streamSeconds : 0,
    longestFrameMs: gaps.length > 0 ? Math.max(...gaps) : 0,
    answerRenders: after.counts[answerId] ?? 0,
    frames: probe.frames.length,
    otherRenders: Object.entries(before.counts).reduce((sum, [id, count]) => sum + ((after.counts[id] ?? count) - count), 0),
    formulaCount: typeset?.count,
    formulasTypesetMs: typeset?.at === undefined ? undefined : typeset.at - (probe.shownAt as number),
    seconds: (shownAt - from) / 1000,
  };
}

/**
 * Two long answers at full speed, read by Node, before the page's runs. A
 * fresh server runs the relay's code unoptimized at first: its first long
 * answer cost it some 300 ms more CPU than the next ones (800 against 300 to
 * 450 ms for 40,000 characters), which the first run's catch-up paid. A
 * server in use is warm, as the relay's benchmark has it; the page, whose
 * cost this measures, still starts cold in each run.
 */
async function warmUpServer(appOrigin: string, characters: number): Promise<void> {
  for (let round = 0; round < 2; round++) {
    const response = await fetch(`${appOrigin}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: appOrigin },
      body: JSON.stringify({ messages: [{ role: "user", content: `mock:document chars=${characters} size=${tokenSize} first=0 interval=0 burst=1000000` }] }),
    });
    if (!response.ok || !response.body) throw new Error(`warming the server up: HTTP ${response.status}`);
    const reader = response.body.getReader();
    while (!(await reader.read()).done) {
      // the whole answer, as the page would read it
    }
  }
}

/** Debian's Chromium where it is installed, Playwright's otherwise. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync(systemChromium) ? systemChromium : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * The chat page in Chromium against `appOrigin`: after one short exchange
 * (a message that must not re-render), each run streams a long markdown
 * answer and measures it from the page's stable contract (role="log",
 * `article[data-role="assistant"]`, `[data-part="content"]`, data-status),
 * whatever the page renders the answer with.
 */
export async function runPageBench(appOrigin: string, mockOrigin: string, runs: PageRun[], traceDirectory?: string): Promise<PageFigures[]> {
  await warmUpServer(appOrigin, Math.max(...runs.map((run) => run.characters)));
  const browser = await launchChromium();
  try {
    const figures: PageFigures[] = [];
    for (const run of runs) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      // tsx compiles these files keeping function names through a `__name` helper that the page lacks.
      await page.addInitScript({ content: "globalThis.__name = (target) => target;" });
      await page.addInitScript(installProbe);
      await page.goto(appOrigin);
      await send(page, "mock:paced tokens=20 interval=5 first=0");
      await page.locator('[role="log"] article[data-role="assistant"][data-status="done"]').waitFor();
      const streamMs = (documentAnswer(run.characters, run.formulas).length / tokenSize) * Math.max(run.intervalMs, 1);
      // A trace costs the page time of its own: its run's timings read high, its tasks' makeup does not.
      const tracePath = traceDirectory && path.join(traceDirectory, `trace-${run.label.replace(/\W+/g, "-")}.json`);
      const profiler = tracePath ? await page.context().newCDPSession(page) : undefined;
      if (tracePath && profiler) {
        await browser.startTracing(page, { path: tracePath, categories: traceCategories });
        await profiler.send("Profiler.enable");
        await profiler.send("Profiler.setSamplingInterval", { interval: 250 });
        await profiler.send("Profiler.start");
      }
      figures.push({ ...(await measure(page, mockOrigin, run, 60_000 + 2 * streamMs)), tracePath });
      if (tracePath && profiler) {
        // The sampling profiler's own record, whole (the trace's copy of it can lose its last chunks); same clock as the trace.
        const { profile } = await profiler.send("Profiler.stop");
        writeFileSync(`${tracePath}.cpuprofile`, JSON.stringify(profile));
        await browser.stopTracing();
      }
      await page.close();
    }
    return figures;
  } finally {
    await browser.close();
  }
}
