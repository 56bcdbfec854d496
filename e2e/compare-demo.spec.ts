import { expect, test } from "./support";
import { answerOf, comparePage, metricOf, runCompare, waitUntilLaneDone } from "./compare-support";

test.beforeEach(async ({ page }) => {
  await page.goto("/compare");
  await expect(comparePage(page).model).toContainText("Demo: fast small model");
});

test("on the offline demo model, both lanes get the same answer, the streamed one first", async ({ page }) => {
  const { model, streaming, whole } = comparePage(page);
  await model.selectOption("demo-fast");
  await runCompare(page, "What is streaming?");
  await waitUntilLaneDone(streaming);
  await waitUntilLaneDone(whole);
  const streamed = await answerOf(streaming).textContent();
  expect(streamed).toContain("What streaming changes");
  expect(await answerOf(whole).textContent()).toBe(streamed);
  expect(await metricOf(streaming, "first-token")).toBeLessThan(await metricOf(whole, "first-token"));
});

test("the reasoning preset keeps both lanes waiting seconds for the first token, and only the streamed one shows it thinking", async ({ page }) => {
  const { model, streaming, whole } = comparePage(page);
  await model.selectOption("demo-reasoning");
  await runCompare(page, "Hello");
  await expect(streaming).toContainText("waiting");
  // Streamed, the reasoning shows while the answer has not begun; the other lane shows nothing.
  await expect(streaming.locator('[data-part="reasoning"]')).toContainText("The question is “Hello”");
  await expect(streaming).toContainText("thinking");
  expect(await answerOf(streaming).textContent()).toBe("");
  await expect(whole.locator('[data-part="reasoning"]')).toHaveCount(0);
  await waitUntilLaneDone(streaming);
  await waitUntilLaneDone(whole);
  // The preset reasons for 4 s before its first token.
  expect(await metricOf(streaming, "first-token")).toBeGreaterThanOrEqual(4_000);
  expect(await metricOf(whole, "total")).toBeGreaterThan(await metricOf(streaming, "first-token"));
  // Both end with the same reasoning, folded above the answer, and the explanation says what streaming showed.
  const reasoningOf = (lane: typeof streaming) => lane.locator('[data-part="reasoning-text"]').textContent();
  expect(await reasoningOf(whole)).toBe(await reasoningOf(streaming));
  expect(await reasoningOf(whole)).toContain("Done thinking; answering now.");
  await expect(page.getByText("This model reasons before it answers.")).toBeVisible();
});
