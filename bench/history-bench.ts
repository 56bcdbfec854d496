import type { Page } from "@playwright/test";
import { documentAnswer } from "../mock/markdown-answer";
import { savedChatsText } from "../lib/store/testing/saved-chats-text";
import { launchChromium } from "./page-bench";

/** A saved conversation of `exchanges` questions, each answered by a markdown document of `characters`. */
export interface HistoryCase {
  exchanges: number;
  characters: number;
}

export interface HistoryFigures extends HistoryCase {
  savedCharacters: number;
  /** From the click on the conversation: its last question on screen, */
  shownMs: number;
  /** its last answer (the one in view) formatted, */
  inViewFormattedMs: number;
  /** every answer formatted (those far from view wait for idle time). */
  allFormattedMs: number;
  /** The longest main-thread task from the click until every answer is formatted (only tasks over 50 ms are reported). */
  longestTaskMs?: number;
  totalBlockingMs: number;
}

/** The saved chats: a small conversation, shown first, and the long one. */
function savedChats({ exchanges, characters }: HistoryCase): string {
  return savedChatsText([
    { id: "small", title: "Small", questions: ["A short question"], answer: "A short answer." },
    { id: "long", title: "Long", questions: Array.from({ length: exchanges }, (_, index) => `Question ${index}: tell me more`), answer: documentAnswer(characters) },
  ]);
}

/** Installed before the page's scripts: the saved chats, and an observer of long tasks. */
function installHistory(saved: string): void {
  localStorage.setItem("streamchat", saved);
  const tasks: Array<{ start: number; duration: number }> = [];
  (window as unknown as { __historyTasks: typeof tasks }).__historyTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
}

/** Unformatted text of an answer is shown as written in `p.whitespace-pre-wrap` (components/markdown/markdown-block.tsx). */
function formatted({ onlyLast }: { onlyLast: boolean }): boolean {
  const answers = [...document.querySelectorAll('[role="log"] article[data-role="assistant"]')];
  const checked = onlyLast ? answers.slice(-1) : answers;
  return checked.length > 0 && checked.every((answer) => answer.querySelector("h2") !== null && answer.querySelector("p.whitespace-pre-wrap") === null);
}

async function measure(page: Page, run: HistoryCase): Promise<HistoryFigures> {
  const saved = savedChats(run);
  await page.addInitScript(installHistory, saved);
  await page.goto("/");
  await page.getByRole("log").getByText("A short answer.").waitFor();
  // The page is up and idle: its own start is not measured.
  await page.waitForTimeout(1_000);
  const clickedAt = await page.evaluate(() => performance.now());
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: "Long", exact: true }).click();
  const since = async () => (await page.evaluate(() => performance.now())) - clickedAt;
  await page.getByRole("log").getByText(`Question ${run.exchanges - 1}:`).waitFor();
  const shownMs = await since();
  await page.waitForFunction(formatted, { onlyLast: true }, { polling: 16, timeout: 60_000 });
  const inViewFormattedMs = await since();
  await page.waitForFunction(formatted, { onlyLast: false }, { polling: 50, timeout: 120_000 });
  const allFormattedMs = await since();
  const tasks = (await page.evaluate(() => (window as unknown as { __historyTasks: Array<{ start: number; duration: number }> }).__historyTasks)).filter(
    (task) => task.start >= clickedAt && task.start <= clickedAt + allFormattedMs,
  );
  return {
    ...run,
    savedCharacters: saved.length,
    shownMs,
    inViewFormattedMs,
    allFormattedMs,
    longestTaskMs: tasks.length > 0 ? Math.max(...tasks.map((task) => task.duration)) : undefined,
    totalBlockingMs: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
  };
}

/** Opening a long saved conversation in Chromium against `appOrigin`, each case on a fresh page. */
export async function runHistoryBench(appOrigin: string, cases: HistoryCase[]): Promise<HistoryFigures[]> {
  const browser = await launchChromium();
  try {
    const figures: HistoryFigures[] = [];
    for (const run of cases) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, baseURL: appOrigin });
      figures.push(await measure(page, run));
      await page.close();
    }
    return figures;
  } finally {
    await browser.close();
  }
}
