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

test("the reasoning preset keeps both lanes waiting seconds for the first token", async ({ page }) => {
  const { model, streaming, whole } = comparePage(page);
  await model.selectOption("demo-reasoning");
  await runCompare(page, "Hello");
  await expect(streaming).toContainText("waiting");
  await waitUntilLaneDone(streaming);
  await waitUntilLaneDone(whole);
  // The preset thinks for 4 s before its first token.
  expect(await metricOf(streaming, "first-token")).toBeGreaterThanOrEqual(4_000);
  expect(await metricOf(whole, "total")).toBeGreaterThan(await metricOf(streaming, "first-token"));
});
