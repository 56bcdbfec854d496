import { test as base, expect, type Locator, type Page } from "@playwright/test";
import type { MockRequestRecord } from "../mock/mock-server";
import { e2ePorts } from "./ports";

/**
 * Playwright's `test`, with a page that fails its test if the browser reports
 * a Content-Security-Policy violation or a hydration mismatch: the policy
 * must allow everything the app does, and nothing else. Specs import `test`
 * and `expect` from here.
 */
export const test = base.extend({
  page: async ({ page }, provide) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      const text = message.text();
      if (/Content Security Policy|hydrat/i.test(text)) problems.push(`${message.type()}: ${text}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
      });
    });
    await provide(page);
    expect(problems, "the browser reported CSP violations or hydration problems").toEqual([]);
  },
});

export { expect };

/** A tag that makes one test's requests easy to find in the mock's shared log. */
export const uniqueTag = () => `tag=${Math.random().toString(36).slice(2, 10)}`;

/** Holds back every script of the page until the function it gives is called: the page is its HTML alone, as on a slow connection. */
export async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

export function composer(page: Page) {
  return {
    message: page.getByRole("textbox", { name: "Message" }),
    send: page.getByRole("button", { name: "Send" }),
    stop: page.getByRole("button", { name: "Stop" }),
    streamSwitch: page.getByRole("switch", { name: "Stream responses" }),
  };
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  const { message } = composer(page);
  await message.fill(text);
  await message.press("Enter");
}

export function lastAnswer(page: Page): Locator {
  return page.getByRole("log").locator('article[data-role="assistant"]').last();
}

export function contentOf(article: Locator): Locator {
  return article.locator('[data-part="content"]');
}

/** The text as it is on screen (textContent keeps \r and \t exactly). */
export async function textOf(article: Locator): Promise<string> {
  return (await contentOf(article).textContent()) ?? "";
}

/**
 * What a person gets by pressing a message's Copy button and pasting: the
 * answer exactly as the model wrote it (markdown rendering changes the text
 * on screen: paragraphs, list markers, code fences). Needs the clipboard
 * permissions the config grants.
 */
export async function copiedText(article: Locator, buttonName = "Copy answer"): Promise<string> {
  await article.getByRole("button", { name: buttonName, exact: true }).first().click();
  await expect(article.getByRole("button", { name: buttonName, exact: true }).first()).toHaveText("Copied");
  return article.page().evaluate(() => navigator.clipboard.readText());
}

/** Waits for the answer to end; answers in tests stream for seconds by design, longer on a loaded machine. */
export async function waitUntilDone(article: Locator): Promise<void> {
  await expect(article).toHaveAttribute("data-status", /^(done|stopped|error)$/, { timeout: 30_000 });
}

/**
 * What the mock upstream saw of the requests whose last message carries `tag`
 * (`in: "any"`: any of their messages), oldest first.
 */
export async function mockRecordsFor(tag: string, where: { in: "last" | "any" } = { in: "last" }): Promise<MockRequestRecord[]> {
  const response = await fetch(`http://127.0.0.1:${e2ePorts.mock}/__mock/requests`);
  const records = (await response.json()) as MockRequestRecord[];
  const messagesOf = (record: MockRequestRecord) => record.body.messages as Array<{ content: unknown }>;
  // A question with images has content parts: its text is in them.
  const holdsTag = ({ content }: { content: unknown }) => (typeof content === "string" ? content : JSON.stringify(content)).includes(tag);
  return records.filter((candidate) => (where.in === "last" ? messagesOf(candidate).slice(-1) : messagesOf(candidate)).some(holdsTag));
}

export async function mockRecordFor(tag: string): Promise<MockRequestRecord> {
  const record = (await mockRecordsFor(tag)).at(-1);
  if (!record) throw new Error(`the mock saw no request tagged ${tag}`);
  return record;
}

/**
 * Starts recording, inside the page, every text the last answer shows (a
 * MutationObserver sees each change the page makes, with no round trips to
 * the test). Returns a function that reads what was recorded.
 */
export async function recordAnswerTexts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { answerTexts: string[] }).answerTexts = seen;
    const log = document.querySelector('[role="log"]');
    if (!log) throw new Error("no conversation log on the page");
    new MutationObserver(() => {
      const contents = log.querySelectorAll('article[data-role="assistant"] [data-part="content"]');
      const last = contents[contents.length - 1];
      if (last && seen.at(-1) !== last.textContent) seen.push(last.textContent ?? "");
    }).observe(log, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { answerTexts: string[] }).answerTexts);
}

/**
 * The mock's reasoning (`mockTexts.reasoning`), rendered as markdown as the
 * page renders it: its paragraph, its numbered list with the CJK and emoji
 * exact, its bold and its code. `reasoning` is a `[data-part="reasoning"]`.
 */
export async function expectMockReasoning(reasoning: Locator): Promise<void> {
  const text = reasoning.locator('[data-part="reasoning-text"]');
  await expect(text).toContainText("The person wants a short greeting. Let me think step by step.");
  await expect(text.locator("ol > li")).toHaveText(["Say hello.", "Mention streaming, ストリーミング, 스트리밍 🎉."]);
  await expect(text.locator("strong")).toHaveText("plain");
  await expect(text.locator("code")).toHaveText("code");
}

/** A PNG drawn in the page (a gradient, and `text`: CJK and emoji by default), as a file's bytes: photo-sized, or small. */
export async function drawnImage(page: Page, width: number, height: number, text = "猫 🐱 cat"): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    async ([width, height, text]) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no canvas");
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, "#00aaff");
      gradient.addColorStop(1, "#ff6600");
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      context.fillStyle = "#ffffff";
      context.font = `${Math.round(height / 6)}px sans-serif`;
      context.fillText(text, width / 10, height / 2);
      const blob = await canvas.convertToBlob({ type: "image/png" });
      // As base64: megabytes cross to the test far faster as one string than as an array of numbers.
      return await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsDataURL(blob);
      });
    },
    [width, height, text] as const,
  );
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
}

/** Pastes a PNG into a text box, as a screenshot copied to the clipboard is pasted. */
export async function pasteImage(box: Locator, name: string, png: Buffer): Promise<void> {
  await box.evaluate(
    (element, [name, base64]) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: "image/png" }));
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    [name, png.toString("base64")] as const,
  );
}
