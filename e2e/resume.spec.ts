import type { Locator, Page } from "@playwright/test";
import { mockTexts, pacedTokens } from "../mock/scenarios";
import { composer, contentOf, copiedText, expect, expectMockReasoning, lastAnswer, mockRecordFor, mockRecordsFor, recordAnswerTexts, sendMessage, test, uniqueTag, waitUntilDone } from "./support";

/*
 * Resumable answers (PROTOCOL.md v1.1), as a person sees them: a reload, a
 * lost connection or a second tab never costs the answer a word, and never
 * shows one twice. The mock's log tells what happened upstream.
 */

const reconnecting = "Connection lost. Reconnecting to go on with the answer";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(composer(page).message).toBeVisible();
});

/**
 * Asks for a paced answer (`Token 0. Token 1. ...`, one every 30 ms) and waits until `shownToken`
 * is on screen. Long enough to outlast a reload on a busy machine: the old page runs until the new one comes.
 */
async function answerUnderWay(page: Page, tokens: number, shownToken: number): Promise<{ tag: string; answer: Locator; expected: string }> {
  const tag = uniqueTag();
  await sendMessage(page, `mock:paced tokens=${tokens} interval=30 ${tag}`);
  const answer = lastAnswer(page);
  await expect(contentOf(answer)).toContainText(`Token ${shownToken}.`);
  return { tag, answer, expected: pacedTokens(tokens).join("") };
}

/** Whether `text` ever left the page from now on (its conversation deleted or another shown, if only for a moment). */
async function recordWhetherEverGone(page: Page, text: string): Promise<() => Promise<boolean>> {
  await page.evaluate((watched) => {
    const record = window as unknown as { everGone: boolean };
    record.everGone = !document.body.textContent?.includes(watched);
    new MutationObserver(() => {
      record.everGone ||= !document.body.textContent?.includes(watched);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  return () => page.evaluate(() => (window as unknown as { everGone: boolean }).everGone);
}

/** The answer ended whole, exact to the byte, and the model was asked once and never cut off. */
async function expectWhole(answer: Locator, expected: string, tag: string): Promise<void> {
  await waitUntilDone(answer);
  await expect(answer).toHaveAttribute("data-status", "done");
  expect(await copiedText(answer)).toBe(expected);
  const records = await mockRecordsFor(tag);
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ closedByClient: false, tokensSent: records[0]?.tokensPlanned });
}

test("a reload mid-answer goes on from where it was: nothing repeated, nothing missing", async ({ page }) => {
  const { tag, expected } = await answerUnderWay(page, 300, 8);
  await page.reload();
  const answer = lastAnswer(page);
  const answerTexts = await recordAnswerTexts(page);
  // Still being written after the reload, and it goes on growing here.
  await expect(answer).toHaveAttribute("data-status", "streaming");
  await expectWhole(answer, expected, tag);
  // Every text shown after the reload was a beginning of the answer: no word came twice, none went missing.
  const shown = await answerTexts();
  expect(shown.length).toBeGreaterThan(1);
  expect(shown.filter((text) => !expected.startsWith(text))).toEqual([]);
});

test("a reload while a reasoning model reasons goes on from there: its reasoning and its answer whole, once each", async ({ page }) => {
  const tag = uniqueTag();
  await sendMessage(page, `mock:reasoning interval=60 ${tag}`);
  await expect(lastAnswer(page).locator('[data-part="reasoning"]')).toContainText("Let me think");
  await page.reload();
  const answer = lastAnswer(page);
  await expectWhole(answer, mockTexts.plain, tag);
  await answer.locator('[data-part="reasoning"] summary').click();
  await expectMockReasoning(answer.locator('[data-part="reasoning"]'));
});

test("offline mid-answer: the message says it is reconnecting, and back online the answer ends whole", async ({ page, context }) => {
  const { tag, answer, expected } = await answerUnderWay(page, 150, 5);
  await context.setOffline(true);
  await expect(answer.getByText(reconnecting)).toBeVisible();
  // Said politely too, for screen readers.
  await expect(page.getByRole("status").filter({ hasText: reconnecting })).toHaveCount(1);
  // The model goes on meanwhile, for the page to catch up with.
  await page.waitForTimeout(1_000);
  await context.setOffline(false);
  await expectWhole(answer, expected, tag);
  await expect(answer.getByText(reconnecting)).toHaveCount(0);
});

test("a part of the page first needed while offline comes once back online, and the page stays meanwhile: Settings opened offline", async ({ page, context }) => {
  await page.goto("/");
  await expect(composer(page).message).toBeEditable();
  const failedChunks: string[] = [];
  page.on("requestfailed", (request) => request.url().includes("/_next/static/chunks/") && failedChunks.push(request.url()));
  await context.setOffline(true);
  // The settings form is a chunk fetched when the dialog first opens: it cannot come now.
  await page.getByRole("button", { name: "Settings" }).click();
  await expect.poll(() => failedChunks.length).toBeGreaterThan(0);
  // Open, and empty until then (its name is the form's heading).
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "System prompt" })).toHaveCount(0);
  await context.setOffline(false);
  await expect(page.getByRole("dialog", { name: "Conversation settings" }).getByRole("textbox", { name: "System prompt" })).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await sendMessage(page, `mock:paced tokens=5 interval=10 ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
});

test("Stop while reconnecting stops the answer, and the upstream request once the server can be told", async ({ page, context }) => {
  const { tag, answer } = await answerUnderWay(page, 400, 3);
  await context.setOffline(true);
  await expect(answer.getByText(reconnecting)).toBeVisible();
  await composer(page).stop.click();
  await expect(answer).toHaveAttribute("data-status", "stopped");
  await expect(answer.getByText(reconnecting)).toHaveCount(0);
  await context.setOffline(false);
  await expect.poll(async () => (await mockRecordFor(tag)).closedByClient, { timeout: 5_000 }).toBe(true);
  expect((await mockRecordFor(tag)).tokensSent).toBeLessThan(400);
});

test("a second tab follows the answer live; Stop in either tab stops it for both, and upstream", async ({ page, context }) => {
  const second = await context.newPage();
  await second.goto("/");
  await expect(composer(second).message).toBeVisible();

  const { tag, expected } = await answerUnderWay(page, 300, 2);
  const followed = lastAnswer(second);
  // It grows in the second tab while the first writes it.
  await expect(followed).toHaveAttribute("data-status", "streaming");
  await expect(contentOf(followed)).toContainText("Token 20.");
  await expectWhole(lastAnswer(page), expected, tag);
  await waitUntilDone(followed);
  expect(await copiedText(followed)).toBe(expected);

  // Stop in the tab that follows: the tab that writes the answer stops too, and so does the model.
  const stopped = await answerUnderWay(page, 400, 3);
  await expect(contentOf(lastAnswer(second))).toContainText("Token 5.");
  await composer(second).stop.click();
  await expect(stopped.answer).toHaveAttribute("data-status", "stopped");
  await expect(lastAnswer(second)).toHaveAttribute("data-status", "stopped");
  await expect.poll(async () => (await mockRecordFor(stopped.tag)).closedByClient, { timeout: 2_000 }).toBe(true);
});

test("a second tab slow to take in the first tab's save never saves over it: the first keeps its conversation and its answer", async ({ page, context }) => {
  const second = await context.newPage();
  await second.goto("/");
  await expect(composer(second).message).toBeVisible();
  // From now on the second tab gets its code slowly: taking another tab's save in (that code loads then) takes seconds.
  await second.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await route.continue();
  });

  // Three tokens four seconds apart: the first tab saves the answer's start, then has nothing new to save for a while.
  const tag = uniqueTag();
  await sendMessage(page, `mock:paced tokens=3 interval=4000 first=0 ${tag}`);
  const answer = lastAnswer(page);
  await expect(contentOf(answer)).toContainText("Token 0.");
  await expect.poll(() => second.evaluate(() => localStorage.getItem("streamchat") ?? "")).toContain(tag);
  const everGone = await recordWhetherEverGone(page, tag);
  // A change of the second tab's own, made before it has taken that save in.
  await composer(second).streamSwitch.click();

  await expectWhole(answer, pacedTokens(3).join(""), tag);
  // Not for a moment: a write of the second tab's from before it read the first's, saved while that read waited
  // for the code that takes it in, once deleted the conversation here (it came back with the second tab's next write).
  expect(await everGone()).toBe(false);
  await expect(page.getByRole("log").getByText(tag)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("listitem")).toHaveCount(1);
  // The second tab took it in and shows it too.
  await expect(contentOf(lastAnswer(second))).toHaveText(pacedTokens(3).join("").trim(), { timeout: 20_000 });
});
