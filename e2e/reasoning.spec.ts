import { mockTexts } from "../mock/scenarios";
import { composer, contentOf, copiedText, expect, expectMockReasoning, lastAnswer, mockRecordFor, recordAnswerTexts, sendMessage, test, textOf, uniqueTag, waitUntilDone } from "./support";
import type { Locator } from "@playwright/test";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

const reasoningOf = (answer: Locator) => answer.locator('[data-part="reasoning"]');
const isOpen = (answer: Locator) => reasoningOf(answer).evaluate((details) => (details as HTMLDetailsElement).open);

for (const field of ["reasoning_content", "reasoning"]) {
  test(`a reasoning model's ${field}: shown as it is written, then folded away once the answer begins`, async ({ page }) => {
    await sendMessage(page, `mock:reasoning field=${field} interval=40 ${uniqueTag()}`);
    const answer = lastAnswer(page);
    const reasoning = reasoningOf(answer);
    // While it thinks, its reasoning grows in the open, under a line that says so, and there is no answer yet.
    await expect(reasoning.locator("summary")).toHaveText("Thinking…");
    await expect(reasoning).toContainText("Let me think");
    expect(await isOpen(answer)).toBe(true);
    expect(await textOf(answer)).toBe("");
    // A screen reader, which does not read the busy log, hears it once too.
    await expect(page.getByRole("status").filter({ hasText: "Thinking…" })).toHaveCount(1);

    await waitUntilDone(answer);
    await expect(reasoning.locator("summary")).toHaveText(/^Thought for \d+ s$/);
    expect(await isOpen(answer)).toBe(false);
    await expect(page.getByRole("status").filter({ hasText: "The answer is complete." })).toHaveCount(1);
    // Both exact, each in its place: the answer alone is the answer, and what Copy takes.
    await expectMockReasoning(reasoning);
    expect(await textOf(answer)).toBe(mockTexts.plain);
    expect(await copiedText(answer, "Copy answer")).toBe(mockTexts.plain);

    // The reader can open it again, and it is kept with the conversation.
    await reasoning.locator("summary").click();
    expect(await isOpen(answer)).toBe(true);
    await page.reload();
    await expect(reasoningOf(lastAnswer(page)).locator("summary")).toHaveText(/^Thought for \d+ s$/);
    await expectMockReasoning(reasoningOf(lastAnswer(page)));
  });
}

test("reasoning written into the answer between <think> tags is shown as reasoning, and never as the answer", async ({ page }) => {
  const answerTexts = await recordAnswerTexts(page);
  // 3 characters a token: "<th", "ink", ">\nT"... the tag comes in pieces, as it does from a real model.
  await sendMessage(page, `mock:reasoning field=think interval=30 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  const reasoning = reasoningOf(answer);
  await expect(reasoning.locator("summary")).toHaveText("Thinking…");
  await expect(reasoning).toContainText("Let me think");
  expect(await isOpen(answer)).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "Thinking…" })).toHaveCount(1);

  await waitUntilDone(answer);
  // Timed as reasoning sent apart is, from the answer's first text to the first text after the tag.
  await expect(reasoning.locator("summary")).toHaveText(/^Thought for \d+ s$/);
  expect(await isOpen(answer)).toBe(false);
  await expectMockReasoning(reasoning);
  expect(await textOf(answer)).toBe(mockTexts.plain);
  // Not one frame of the answer showed the tags or the reasoning.
  const shown = (await answerTexts()).filter((text) => text !== "");
  expect(shown.length).toBeGreaterThan(2);
  expect(shown.every((text) => mockTexts.plain.startsWith(text))).toBe(true);
  expect(await copiedText(answer, "Copy answer")).toBe(mockTexts.plain);
});

test("a <think> answer cut off and continued: the reasoning the model writes again goes to the reasoning, never into the answer", async ({ page }) => {
  await sendMessage(page, `mock:reasoning field=think finish=length interval=5 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await expect(answer).toContainText("The answer was cut off at the token limit.");
  const answerTexts = await recordAnswerTexts(page);
  await answer.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(answer).toHaveAttribute("data-status", "done");
  expect(await textOf(answer)).toBe(mockTexts.plain + mockTexts.continued);
  // Not one frame of the continuation showed its tags or its reasoning in the answer.
  expect((await answerTexts()).every((text) => (mockTexts.plain + mockTexts.continued).startsWith(text))).toBe(true);
  await reasoningOf(answer).locator("summary").click();
  await expectMockReasoning(reasoningOf(answer));
  await expect(reasoningOf(answer).locator('[data-part="reasoning-text"]')).toContainText(mockTexts.reasoningAgain);
  // So after a reload too.
  await page.reload();
  expect(await textOf(lastAnswer(page))).toBe(mockTexts.plain + mockTexts.continued);
});

test("a <think> answer's continuation cut off by a reload while the model reasons again: the rest of its reasoning still goes to the reasoning", async ({ page }) => {
  // The continuation comes at the question's pace: its reasoning takes some two seconds.
  await sendMessage(page, `mock:reasoning field=think finish=length size=30 interval=150 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await answer.getByRole("button", { name: "Continue", exact: true }).click();
  const reasoningText = reasoningOf(answer).locator('[data-part="reasoning-text"]');
  await expect(reasoningText).toContainText(mockTexts.reasoningAgain.slice(0, 7));
  // Reloaded in the middle of its <think> block.
  expect(await reasoningText.textContent()).not.toContain(mockTexts.reasoningAgain);
  await page.reload();
  const reloaded = lastAnswer(page);
  await expect(reloaded).toHaveAttribute("data-status", "done");
  expect(await textOf(reloaded)).toBe(mockTexts.plain + mockTexts.continued);
  await reasoningOf(reloaded).locator("summary").click();
  await expect(reasoningOf(reloaded).locator('[data-part="reasoning-text"]')).toContainText(mockTexts.reasoningAgain);
});

test("Stop while the model reasons keeps its reasoning in view and closes the upstream request", async ({ page }) => {
  const tag = uniqueTag();
  await sendMessage(page, `mock:reasoning repeat=20 interval=30 ${tag}`);
  const answer = lastAnswer(page);
  await expect(reasoningOf(answer)).toContainText("step by step");
  await composer(page).stop.click();
  await expect(answer).toHaveAttribute("data-status", "stopped");
  await expect.poll(async () => (await mockRecordFor(tag)).closedByClient, { timeout: 2_000 }).toBe(true);
  // No answer came: what it thought stays open, under a plain name.
  await expect(reasoningOf(answer).locator("summary")).toHaveText("Reasoning");
  expect(await isOpen(answer)).toBe(true);
  expect(await textOf(answer)).toBe("");
});

test("with streaming off, the whole answer comes with its reasoning folded above it", async ({ page }) => {
  await composer(page).streamSwitch.click();
  await sendMessage(page, `mock:reasoning ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await expect(reasoningOf(answer).locator("summary")).toHaveText("Reasoning");
  expect(await isOpen(answer)).toBe(false);
  await expectMockReasoning(reasoningOf(answer));
  await expect(contentOf(answer)).toHaveText(mockTexts.plain);
});
