import { mockTexts, pacedTokens, tokensOf } from "../mock/scenarios";
import { e2ePorts } from "./ports";
import { answerOf, comparePage, metricOf, recordLaneTexts, runCompare, startBufferingProxy, waitUntilLaneDone } from "./compare-support";
import { expect, expectMockReasoning, test, uniqueTag } from "./support";

test.beforeEach(async ({ page }) => {
  await page.goto("/compare");
  await expect(comparePage(page).run).toBeEnabled();
});

test("both lanes show the exact answer, and only the streaming one is seen growing", async ({ page }) => {
  const { streaming, whole } = comparePage(page);
  const laneTexts = await recordLaneTexts(page);
  await runCompare(page, `mock:paced tokens=40 interval=50 ${uniqueTag()}`);
  await waitUntilLaneDone(streaming);
  await waitUntilLaneDone(whole);
  // The lanes render markdown as the chat does, and a paragraph's trailing space is not shown.
  const expected = pacedTokens(40).join("").trimEnd();
  expect(await answerOf(streaming).textContent()).toBe(expected);
  expect(await answerOf(whole).textContent()).toBe(expected);

  const seen = await laneTexts();
  // Moments where the streamed answer had grown part-way while the other lane was still empty
  // (a frame may take in several tokens on a busy machine, so fewer moments than tokens).
  const growingWhileEmpty = seen.filter(([streamed, other]) => streamed !== "" && streamed !== expected && expected.startsWith(streamed) && other === "");
  expect(growingWhileEmpty.length).toBeGreaterThanOrEqual(5);
  // The other lane was never seen in part: empty, then whole.
  expect(new Set(seen.map(([, other]) => other))).toEqual(new Set(["", expected]));
});

for (const field of ["reasoning_content", "think"]) {
  test(`a reasoning model's reasoning (${field}) is shown apart from the answer in both lanes`, async ({ page }) => {
    const { streaming, whole } = comparePage(page);
    await runCompare(page, `mock:reasoning field=${field} interval=20 ${uniqueTag()}`);
    await expect(streaming.locator('[data-part="reasoning"]')).toContainText("Let me think");
    await waitUntilLaneDone(streaming);
    await waitUntilLaneDone(whole);
    for (const lane of [streaming, whole]) {
      await expectMockReasoning(lane.locator('[data-part="reasoning"]'));
      expect(await answerOf(lane).textContent()).toBe(mockTexts.plain);
    }
    // The first token is the answer's, after all the reasoning (its tokens 20 ms apart), written apart or between tags.
    expect(await metricOf(streaming, "first-token")).toBeGreaterThanOrEqual(tokensOf(mockTexts.reasoning, 3).length * 20);
  });
}

test("time to first token, total time and speed are shown, and fit the mock's pacing", async ({ page }) => {
  const { streaming, whole } = comparePage(page);
  // The mock waits 400 ms, then sends 30 tokens 30 ms apart; unstreamed, it answers after 400 + 30 × 30 ms.
  await runCompare(page, `mock:paced tokens=30 interval=30 first=400 ${uniqueTag()}`);
  await waitUntilLaneDone(streaming);
  await waitUntilLaneDone(whole);

  const streamedFirst = await metricOf(streaming, "first-token");
  const streamedTotal = await metricOf(streaming, "total");
  const wholeFirst = await metricOf(whole, "first-token");
  const wholeTotal = await metricOf(whole, "total");
  expect(streamedFirst).toBeGreaterThanOrEqual(400);
  expect(streamedFirst).toBeLessThan(wholeFirst);
  expect(streamedTotal).toBeGreaterThanOrEqual(400 + 29 * 30);
  expect(wholeFirst).toBe(wholeTotal);
  expect(wholeTotal).toBeGreaterThanOrEqual(400 + 30 * 30);
  // Both wait for the same model: neither total is far from the other.
  expect(Math.abs(streamedTotal - wholeTotal)).toBeLessThan(0.5 * wholeTotal);
  // 29 tokens after the first, 30 ms apart: about 33 tokens a second while writing.
  const speed = await metricOf(streaming, "tokens-per-second");
  expect(speed).toBeGreaterThan(10);
  expect(speed).toBeLessThan(60);

  await expect(page.getByRole("img", { name: "Characters on screen over time" })).toBeVisible();
  await expect(page.locator("#timeline-summary")).toContainText(`first characters at ${Math.round(streamedFirst)} ms`);
  await expect(page.locator("#timeline-summary")).toContainText("in 30 chunks");
  await expect(page.getByRole("heading", { name: "What you just saw" })).toBeVisible();
});

test("repeated runs show the median, min and max of both lanes", async ({ page }) => {
  await comparePage(page).runs.selectOption("3");
  await runCompare(page, `mock:paced tokens=5 interval=10 ${uniqueTag()}`);
  await expect(page.getByText("3 runs done")).toBeVisible({ timeout: 20_000 });
  const spread = page.getByRole("region", { name: "Spread over runs" });
  await expect(spread.getByRole("heading")).toHaveText("Spread over 3 runs");
  for (const lane of ["streaming", "nonStreaming"]) {
    for (const metric of ["first-token", "total"]) {
      const text = (await spread.locator(`tr[data-lane="${lane}"] [data-metric="${metric}"]`).textContent()) ?? "";
      const [median, min, max] = (text.match(/\d+/g) ?? []).map(Number);
      expect(min).toBeLessThanOrEqual(median ?? -1);
      expect(median).toBeLessThanOrEqual(max ?? -1);
    }
  }
});

test("Stop stops both lanes and keeps what was shown", async ({ page }) => {
  const { streaming, whole, stop, run } = comparePage(page);
  await runCompare(page, `mock:paced tokens=400 interval=30 ${uniqueTag()}`);
  await expect(answerOf(streaming)).toContainText("Token 3.");
  await stop.click();
  await expect(streaming).toHaveAttribute("data-status", "stopped");
  await expect(whole).toHaveAttribute("data-status", "stopped");
  await expect(run).toBeVisible();
  expect(await answerOf(streaming).textContent()).toMatch(/^Token 0\. Token 1\. Token 2\. Token 3\./);
  expect(await answerOf(whole).textContent()).toBe("");
});

test("the chat and the comparison link to each other", async ({ page }) => {
  await page.getByRole("link", { name: "Chat" }).click();
  await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
  await page.getByRole("link", { name: "Compare" }).click();
  await expect(comparePage(page).prompt).toBeVisible();
});

test.describe("in Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("the explanation is in the reader's language", async ({ page }) => {
    await runCompare(page, `mock:paced tokens=5 interval=10 ${uniqueTag()}`);
    await expect(page.getByRole("heading", { name: "いま見たこと" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/^ストリーミングの答えは\d+\.\d秒後に表示され始め/)).toBeVisible();
  });
});

test("the stream health check finds next start healthy", async ({ page }) => {
  const { health } = comparePage(page);
  await health.getByRole("button", { name: "Check stream health" }).click();
  await expect(health.locator("[data-verdict]")).toHaveAttribute("data-verdict", "healthy", { timeout: 15_000 });
  await expect(health.getByRole("status")).toHaveText(/^This deployment streams/);
  // A busy machine may merge two ticks now and then (a warning, still healthy); the rest must pass.
  await expect(health.locator('[data-check="buffering"]')).toHaveAttribute("data-state", /^(pass|warn)$/);
  for (const check of ["heartbeats", "done", "utf8"]) await expect(health.locator(`[data-check="${check}"]`)).toHaveAttribute("data-state", "pass");
});

test("the stream health check finds a buffering proxy, and says what to change", async ({ page }) => {
  const proxy = await startBufferingProxy(e2ePorts.app);
  try {
    await page.goto(`${proxy.origin}/compare`);
    const { health } = comparePage(page);
    await health.getByRole("button", { name: "Check stream health" }).click();
    await expect(health.locator("[data-verdict]")).toHaveAttribute("data-verdict", "buffered", { timeout: 15_000 });
    await expect(health.getByRole("status")).toHaveText(/^Buffered/);
    const buffering = health.locator('[data-check="buffering"]');
    await expect(buffering).toHaveAttribute("data-state", "fail");
    await expect(buffering).toContainText("proxy_buffering off;");
    await expect(buffering).toContainText("Cloudflare");
    await expect(buffering).toContainText("Vercel");
    // What did arrive arrived whole: only the timing is wrong.
    await expect(health.locator('[data-check="utf8"]')).toHaveAttribute("data-state", "pass");
    await expect(health.locator('[data-check="done"]')).toHaveAttribute("data-state", "pass");
  } finally {
    await proxy.close();
  }
});

test("in a contrast theme (forced colours) the lanes' dots and the chart's key keep their colours, as the chart's lines do", async ({ page }) => {
  await page.emulateMedia({ forcedColors: "active" });
  const { streaming, whole } = comparePage(page);
  await runCompare(page, `mock:paced tokens=10 interval=10 ${uniqueTag()}`);
  await waitUntilLaneDone(streaming);
  await waitUntilLaneDone(whole);
  const dotColour = (lane: typeof streaming) => lane.locator("span.rounded-full").first().evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await dotColour(streaming)).not.toBe(await dotColour(whole));
  const key = page.getByRole("listitem").filter({ hasText: /^(Streaming|Non-streaming)$/ }).locator("span");
  await expect(key).toHaveCount(2);
  const [streamingKey, wholeKey] = await key.evaluateAll((spans) => spans.map((span) => getComputedStyle(span).backgroundColor));
  expect(streamingKey).not.toBe(wholeKey);
});
