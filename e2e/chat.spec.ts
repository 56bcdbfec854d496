import { mockTexts, pacedTokens } from "../mock/scenarios";
import { continueInstruction } from "../lib/chat/continue-instruction";
import { composer, contentOf, copiedText, expect, lastAnswer, mockRecordFor, mockRecordsFor, recordAnswerTexts, sendMessage, test, textOf, uniqueTag, waitUntilDone } from "./support";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(composer(page).message).toBeVisible();
});

test("the page has the protocol's accessible names", async ({ page }) => {
  const { message, send, streamSwitch } = composer(page);
  await expect(message).toBeEditable();
  await expect(send).toBeVisible();
  await expect(streamSwitch).toBeChecked();
  await expect(page.getByRole("log")).toBeVisible();
});

test("an empty chat offers questions, and one click sends one", async ({ page }) => {
  const suggestions = page.getByRole("group", { name: "Suggestions" });
  await expect(suggestions.getByRole("button")).toHaveCount(4);
  await suggestions.getByRole("button", { name: /^Explain streaming/ }).click();
  await expect(page.locator('article[data-role="user"]')).toHaveText(/What does streaming change for someone waiting for an answer\?/);
  await waitUntilDone(lastAnswer(page));
  await expect(contentOf(lastAnswer(page))).toHaveText(mockTexts.plain);
  // Not offered once the chat has messages.
  await expect(suggestions).toHaveCount(0);
});

test("a returning reader never sees the empty chat's line while the saved chats load; a first visit sees it", async ({ page }) => {
  const emptyLine = page.getByText("Ask anything. The answer appears as it is written.");
  await expect(emptyLine).toBeVisible();
  await sendMessage(page, `mock:plain ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  // From before the page's first paint, every frame: was the line on screen?
  await page.addInitScript(() => {
    const seen = { visible: false };
    (window as unknown as { emptyLine: typeof seen }).emptyLine = seen;
    const look = () => {
      const line = [...document.querySelectorAll("p")].find((element) => element.textContent?.startsWith("Ask anything"));
      if (line?.checkVisibility({ visibilityProperty: true })) seen.visible = true;
      if (!document.querySelector('article[data-role="assistant"]')) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.reload();
  await expect(lastAnswer(page)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { emptyLine: { visible: boolean } }).emptyLine.visible)).toBe(false);
  // A new chat says it.
  await page.getByRole("button", { name: "New chat" }).click();
  await expect(emptyLine).toBeVisible();
});

test("the answer is seen growing token by token, and ends exact", async ({ page }) => {
  const answerTexts = await recordAnswerTexts(page);
  // 3 s of tokens: the page's first frames (parsing markdown for the first time) can take
  // a few hundred milliseconds on a busy machine, and growth must still show well after.
  await sendMessage(page, `mock:paced tokens=60 interval=50 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  const expected = pacedTokens(60).join("");
  // On screen the answer is one paragraph, so its last space is not shown.
  const shown = expected.trimEnd();
  const partials = (await answerTexts()).filter((text) => text !== "" && text !== shown);
  // Many partial answers were on screen before the end, each a prefix of the answer: it streamed.
  expect(partials.length).toBeGreaterThanOrEqual(5);
  expect(partials.every((text) => expected.startsWith(text))).toBe(true);
  expect(await textOf(answer)).toBe(shown);
  expect(await copiedText(answer)).toBe(expected);
  // Under it, the model that wrote it, then its figures.
  await expect(answer).toContainText(/mock-model · first token \d+ ms · total/);
});

test("Japanese, Korean and emoji arrive exact when bytes are cut mid-character", async ({ page }) => {
  await sendMessage(page, `mock:multilingual split=1 interval=5 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await expect(answer).toHaveAttribute("data-status", "done");
  // Every line is on screen (as markdown: lines, paragraphs, "</script>" as text) ...
  for (const line of mockTexts.multilingual.split(/\r?\n/).filter(Boolean)) await expect(contentOf(answer)).toContainText(line);
  // ... and the answer is kept byte for byte: CRLF, tabs, backslashes.
  expect(await copiedText(answer)).toBe(mockTexts.multilingual);
});

test("Stop ends the answer, keeps what came, and closes the upstream request", async ({ page }) => {
  const tag = uniqueTag();
  const { stop, send } = composer(page);
  await sendMessage(page, `mock:paced tokens=400 interval=30 ${tag}`);
  const answer = lastAnswer(page);
  await expect(contentOf(answer)).toContainText("Token 3.");
  await stop.click();
  await expect(answer).toHaveAttribute("data-status", "stopped");
  await expect(send).toBeVisible();
  const shown = await textOf(answer);
  expect(shown.length).toBeGreaterThan(0);

  await expect.poll(async () => (await mockRecordFor(tag)).closedByClient, { timeout: 2_000 }).toBe(true);
  const { tokensSent } = await mockRecordFor(tag);
  expect(tokensSent).toBeLessThan(400);
  await page.waitForTimeout(300);
  // Nothing more was generated upstream, and nothing more reached the page.
  expect((await mockRecordFor(tag)).tokensSent).toBe(tokensSent);
  expect(await textOf(answer)).toBe(shown);
});

test("an answer cut off at the token limit, or stopped, goes on with Continue, in the same message", async ({ page }) => {
  const tag = uniqueTag();
  await sendMessage(page, `mock:length ${tag}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await expect(answer).toContainText("The answer was cut off at the token limit.");
  await answer.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(answer).toHaveAttribute("data-status", "done");
  await expect(contentOf(answer)).toHaveText(mockTexts.plain + mockTexts.continued);
  await expect(answer).not.toContainText("cut off");
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(1);
  // Asked with the answer so far and the instruction to go on with it.
  const [, continuation] = await mockRecordsFor(tag, { in: "any" });
  expect((continuation?.body.messages as unknown[]).slice(-2)).toEqual([
    { role: "assistant", content: mockTexts.plain },
    { role: "user", content: continueInstruction },
  ]);
  expect(await copiedText(answer)).toBe(mockTexts.plain + mockTexts.continued);
  await expect(answer.getByRole("button", { name: "Continue", exact: true })).toHaveCount(0);

  // Stopped, it goes on too.
  await sendMessage(page, `mock:paced tokens=400 interval=30 ${uniqueTag()}`);
  const stopped = lastAnswer(page);
  await expect(contentOf(stopped)).toContainText("Token 3.");
  await composer(page).stop.click();
  await expect(stopped).toHaveAttribute("data-status", "stopped");
  const written = await copiedText(stopped);
  await stopped.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(stopped).toHaveAttribute("data-status", "done");
  expect(await copiedText(stopped)).toBe(written + mockTexts.continued);

  // Broken off by an error, it goes on from the error's box, beside Try again.
  await sendMessage(page, `mock:drop after=5 interval=5 ${uniqueTag()}`);
  const broken = lastAnswer(page);
  await expect(broken.getByRole("alert")).toContainText("connection to the model was lost");
  const partial = await copiedText(broken);
  await broken.getByRole("alert").getByRole("button", { name: "Continue", exact: true }).click();
  await expect(broken).toHaveAttribute("data-status", "done");
  await expect(broken.getByRole("alert")).toHaveCount(0);
  expect(await copiedText(broken)).toBe(partial + mockTexts.continued);
});

test("Escape stops the answer too", async ({ page }) => {
  await sendMessage(page, `mock:paced tokens=400 interval=30 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await expect(contentOf(answer)).toContainText("Token 1.");
  await composer(page).message.press("Escape");
  await expect(answer).toHaveAttribute("data-status", "stopped");
});

test("with streaming off the answer appears whole, never in part", async ({ page }) => {
  const { streamSwitch } = composer(page);
  await streamSwitch.click();
  await expect(streamSwitch).not.toBeChecked();
  const answerTexts = await recordAnswerTexts(page);
  const tag = uniqueTag();
  await sendMessage(page, `mock:paced tokens=20 interval=30 ${tag}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  const expected = pacedTokens(20).join("");
  expect(await copiedText(answer)).toBe(expected);
  // Nothing but empty, then the whole answer, never a part of it. While the markdown renderer (a lazy
  // chunk) is still loading, the answer shows as written, then formatted: one paragraph, its last space
  // not shown. A loaded machine showed both (a fresh-clone CI run at 452747d); most runs see only the second.
  const seen = (await answerTexts()).filter((text) => text !== "");
  expect(seen.map((text) => text.trimEnd())).toEqual(seen.map(() => expected.trimEnd()));
  expect(seen.at(-1)).toBe(expected.trimEnd());
  expect((await mockRecordFor(tag)).body.stream).toBe(false);
});

test("Enter sends, Shift+Enter makes a new line", async ({ page }) => {
  const { message } = composer(page);
  await message.fill("mock:echo first line");
  await message.press("Shift+Enter");
  await message.pressSequentially("second line");
  await expect(message).toHaveValue("mock:echo first line\nsecond line");
  await message.press("Enter");
  await expect(message).toHaveValue("");
  await expect(page.locator('article[data-role="user"]').last()).toContainText("second line");
});

test.describe("on a phone's touch screen", () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test("Enter makes a new line (the keyboard has no Shift for it), and Send sends", async ({ page }) => {
    const { message, send } = composer(page);
    expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
    await message.fill("mock:echo first line");
    await message.press("Enter");
    await message.pressSequentially("second line");
    await expect(message).toHaveValue("mock:echo first line\nsecond line");
    await expect(page.locator('article[data-role="user"]')).toHaveCount(0);
    await send.tap();
    await expect(message).toHaveValue("");
    await expect(page.locator('article[data-role="user"]').last()).toContainText("second line");
  });
});

test("the whole conversation is sent each time", async ({ page }) => {
  await sendMessage(page, "mock:echo one");
  await waitUntilDone(lastAnswer(page));
  await sendMessage(page, "mock:echo two");
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  expect(await textOf(answer)).toBe("You said: mock:echo two (3 messages)");
  expect(await copiedText(answer)).toBe("You said: mock:echo two (3 messages)");
});

test("the conversation is still there after a reload", async ({ page }) => {
  await sendMessage(page, `mock:echo keep me ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  const before = await textOf(lastAnswer(page));
  await page.reload();
  await expect(contentOf(lastAnswer(page))).toHaveText(before);
  await expect(page.locator('article[data-role="user"]')).toHaveCount(1);
});

test("a finished message never re-renders while another grows, and the growing one renders at most once a frame", async ({ page }) => {
  await sendMessage(page, "mock:echo first");
  const first = lastAnswer(page);
  await waitUntilDone(first);
  const firstId = await first.getAttribute("data-message-id");

  await sendMessage(page, `mock:paced tokens=300 interval=2 ${uniqueTag()}`);
  const second = lastAnswer(page);
  await expect(contentOf(second)).toContainText("Token 0.");
  const secondId = await second.getAttribute("data-message-id");
  const countsNow = () =>
    page.evaluate(([a, b]) => [window.__streamchatRenderCounts?.get(a ?? "") ?? 0, window.__streamchatRenderCounts?.get(b ?? "") ?? 0], [firstId, secondId]);
  await page.evaluate(() => {
    const counter = { frames: 0 };
    (window as unknown as { frameCounter: typeof counter }).frameCounter = counter;
    const tick = () => {
      counter.frames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const [firstBefore, secondBefore] = await countsNow();
  await waitUntilDone(second);
  const [firstAfter, secondAfter] = await countsNow();
  const frames = await page.evaluate(() => (window as unknown as { frameCounter: { frames: number } }).frameCounter.frames);

  expect(firstAfter).toBe(firstBefore);
  // 300 tokens arrive 2 ms apart, many per frame: renders follow frames, not tokens
  // (a few more for the usage, finish and status changes).
  expect((secondAfter ?? 0) - (secondBefore ?? 0)).toBeLessThanOrEqual(frames + 4);
  // An answer that ended while its text poured in shows its last text as written for a frame,
  // formatted in the next: on screen, the paragraph's last space goes then.
  await expect.poll(() => textOf(second)).toBe(pacedTokens(300).join("").trimEnd());
});

test("a finished answer does not re-render when a new question is sent below it", async ({ page }) => {
  await sendMessage(page, "mock:echo first");
  await waitUntilDone(lastAnswer(page));
  const firstId = (await lastAnswer(page).getAttribute("data-message-id")) ?? "";
  const first = page.locator(`article[data-message-id="${firstId}"]`);
  const rendersOfFirst = () => page.evaluate((id) => window.__streamchatRenderCounts?.get(id) ?? 0, firstId);
  const before = await rendersOfFirst();
  await expect(first.getByRole("button", { name: "Regenerate" })).toBeVisible();

  await sendMessage(page, `mock:paced tokens=20 interval=5 ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  // Only the last answer offers Regenerate: that bar changed, the answer above it did not render again.
  await expect(first.getByRole("button", { name: "Regenerate" })).toHaveCount(0);
  expect(await rendersOfFirst()).toBe(before);
});
