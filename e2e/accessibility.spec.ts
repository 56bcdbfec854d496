import { expectNoSeriousAxeViolations, expect, test } from "./page-checks";
import { savedChatsText } from "../lib/store/testing/saved-chats-text";
import { mathFormulas } from "../mock/markdown-texts";
import { composer, drawnImage, lastAnswer, pasteImage, sendMessage, uniqueTag, waitUntilDone } from "./support";

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`axe, ${colorScheme}`, () => {
    test.use({ colorScheme });

    test.beforeEach(async ({ page }) => {
      await page.goto("/");
      await expect(composer(page).message).toBeEditable();
      // The theme the system asks for is the one on the page (no toggle chosen yet).
      await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
    });

    test("the empty page", async ({ page }) => {
      await expectNoSeriousAxeViolations(page);
    });

    test("a finished conversation with CJK and emoji", async ({ page }) => {
      await sendMessage(page, `mock:multilingual ${uniqueTag()}`);
      await waitUntilDone(lastAnswer(page));
      await expect(lastAnswer(page).getByRole("button", { name: "Regenerate" })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });

    test("an answer with formulas, typeset", async ({ page }) => {
      await sendMessage(page, `mock:math interval=2 ${uniqueTag()}`);
      await waitUntilDone(lastAnswer(page));
      await expect(lastAnswer(page).locator('.math-formula[data-state="typeset"]')).toHaveCount(mathFormulas.length);
      await expectNoSeriousAxeViolations(page);
    });

    test("a reasoning model's answer, its reasoning open", async ({ page }) => {
      await sendMessage(page, `mock:reasoning interval=2 ${uniqueTag()}`);
      await waitUntilDone(lastAnswer(page));
      await lastAnswer(page).locator('[data-part="reasoning"] summary').click();
      await expect(lastAnswer(page).locator('[data-part="reasoning"]')).toHaveAttribute("open", "");
      await expectNoSeriousAxeViolations(page);
    });

    test("a regenerated answer, its versions to go through", async ({ page }) => {
      await sendMessage(page, `mock:echo numbered=1 ${uniqueTag()}`);
      await waitUntilDone(lastAnswer(page));
      await lastAnswer(page).getByRole("button", { name: "Regenerate" }).click();
      await expect(lastAnswer(page).getByRole("group", { name: "Versions" })).toContainText("2 / 2");
      await expectNoSeriousAxeViolations(page);
    });

    test("a question with an image, and another in the draft; an image opened and closed by keyboard", async ({ page }) => {
      const { message } = composer(page);
      // A small image pasted into the box, as a screenshot is.
      const png = await drawnImage(page, 120, 80);
      const paste = () => pasteImage(message, "chart.png", png);
      await message.fill(`mock:echo ${uniqueTag()}`);
      await paste();
      await expect(page.getByRole("list", { name: "Images" }).getByRole("img", { name: "chart.png" })).toBeVisible();
      await message.press("Enter");
      await waitUntilDone(lastAnswer(page));
      await paste();
      await expect(page.getByRole("list", { name: "Images" }).getByRole("img", { name: "chart.png" })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      // Opened from the keyboard, the image's dialog takes focus (on its close button); Escape gives it back.
      const open = page.getByRole("button", { name: "Open image chart.png" });
      await open.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "chart.png" });
      await expect(dialog.getByRole("img", { name: "chart.png" })).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Close image" })).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(open).toBeFocused();
    });

    test("an error alert", async ({ page }) => {
      await sendMessage(page, `mock:status code=503 ${uniqueTag()}`);
      await expect(lastAnswer(page).getByRole("alert")).toBeVisible();
      await expect(lastAnswer(page).getByRole("button", { name: "Try again" })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });

    test("the settings dialog, its keyboard shortcuts unfolded", async ({ page }) => {
      await page.getByRole("button", { name: "Settings" }).click();
      const dialog = page.getByRole("dialog", { name: "Conversation settings" });
      await dialog.getByText("Keyboard shortcuts").click();
      await expect(dialog.getByRole("term").first()).toBeVisible();
      await expectNoSeriousAxeViolations(page);
    });

    test("a search of the conversations, with a word found in an answer", async ({ page }) => {
      const saved = savedChatsText([
        { id: "one", title: "Sourdough", questions: ["How do I start?"], answer: "Feed the starter flour and water every day." },
        { id: "two", title: "大阪", questions: ["電車は?"], answer: "新幹線で行きます。" },
      ]);
      await page.evaluate((text) => localStorage.setItem("streamchat", text), saved);
      await page.reload();
      await page.getByRole("searchbox", { name: "Search conversations" }).fill("flour");
      await expect(page.getByRole("navigation", { name: "Conversations" }).locator("mark")).toHaveText("flour");
      await expectNoSeriousAxeViolations(page);
    });

    test("the conversations drawer at phone width, and a conversation's menu in it", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await sendMessage(page, `mock:echo ${uniqueTag()}`);
      await waitUntilDone(lastAnswer(page));
      await page.getByRole("button", { name: "Open conversations" }).click();
      const drawer = page.getByRole("navigation", { name: "Conversations" });
      await expect(drawer).toBeVisible();
      await expect(drawer.getByRole("button", { name: "New chat" })).toBeFocused();
      await expectNoSeriousAxeViolations(page);

      // A conversation pinned, and its menu open over the drawer.
      await drawer.getByRole("button", { name: /^Options for/ }).click();
      await page.getByRole("menuitem", { name: "Pin" }).click();
      await expect(drawer.getByRole("heading", { name: "Pinned" })).toBeVisible();
      await drawer.getByRole("button", { name: /^Options for/ }).click();
      await expect(page.getByRole("menuitem", { name: "Rename" })).toBeFocused();
      await expect(page.getByRole("menuitem", { name: "Unpin" })).toBeVisible();
      await expectNoSeriousAxeViolations(page);
      // Escape closes the menu, not the drawer around it.
      await page.keyboard.press("Escape");
      await expect(page.getByRole("menu")).toBeHidden();
      await expect(drawer).toBeVisible();
    });
  });
}

test("a streaming answer is not read token by token: the log is busy while it streams, and a polite status says when it is complete", async ({ page }) => {
  await page.goto("/");
  // Every change to the log's aria-busy or the status, recorded in the page as it happens (no race with a fast answer).
  await page.evaluate(() => {
    const seen: Array<{ busy: string | null; status: string }> = [];
    (window as unknown as { liveStates: typeof seen }).liveStates = seen;
    const log = document.querySelector('[role="log"]');
    const status = document.querySelector('[role="status"]');
    const record = () => {
      const state = { busy: log?.getAttribute("aria-busy") ?? null, status: status?.textContent ?? "" };
      const last = seen.at(-1);
      if (last?.busy !== state.busy || last.status !== state.status) seen.push(state);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-busy"] });
  });
  const liveStates = () => page.evaluate(() => (window as unknown as { liveStates: Array<{ busy: string | null; status: string }> }).liveStates);
  const status = page.getByRole("status");

  await sendMessage(page, `mock:paced tokens=30 interval=30 ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  await expect(status).toHaveText("The answer is complete.");
  // The next answer, stopped: the status is emptied when it starts, so its end is spoken again.
  await sendMessage(page, `mock:paced tokens=400 interval=30 ${uniqueTag()}`);
  await composer(page).stop.click();
  await expect(status).toHaveText("The answer was stopped.");

  const states = await liveStates();
  expect(states.filter((state) => state.busy === "true").length).toBeGreaterThanOrEqual(2);
  // While an answer streamed, nothing was announced; each end was said once the log was no longer busy.
  expect(states.filter((state) => state.busy === "true" && state.status !== "")).toEqual([]);
  expect(states.filter((state) => state.status !== "").map((state) => state.status)).toEqual(["The answer is complete.", "The answer was stopped."]);
});

test("the log is quiet while another conversation is put in it, then polite again", async ({ page }) => {
  await page.goto("/");
  await sendMessage(page, `mock:echo first ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  await page.getByRole("button", { name: "New chat" }).click();
  await sendMessage(page, `mock:echo second ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  const log = page.getByRole("log");
  const switched = await page.evaluate(() => {
    const seen: Array<string | null> = [];
    const element = document.querySelector('[role="log"]');
    new MutationObserver(() => seen.push(element?.getAttribute("aria-live") ?? null)).observe(element as Element, { attributes: true, childList: true, subtree: true });
    (window as unknown as { liveValues: typeof seen }).liveValues = seen;
    return true;
  });
  expect(switched).toBe(true);
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: /^mock:echo first/ }).click();
  await expect(log).toContainText("You said: mock:echo first");
  // Every change that brought the other conversation's messages in happened with the log off; then it is live again.
  const liveValues = await page.evaluate(() => (window as unknown as { liveValues: Array<string | null> }).liveValues);
  expect(liveValues[0]).toBe("off");
  await expect(log).not.toHaveAttribute("aria-live", "off");
});

for (const reducedMotion of ["no-preference", "reduce"] as const) {
  const name = reducedMotion === "reduce" ? "a reader who asks the system for less motion sees nothing pulse" : "without that wish, the thinking line pulses";
  test(`${name} while an answer is written`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion });
    await page.goto("/");
    await sendMessage(page, `mock:reasoning repeat=20 interval=30 ${uniqueTag()}`);
    const summary = lastAnswer(page).locator('[data-part="reasoning"] summary');
    await expect(summary).toHaveText("Thinking…");
    const animation = await summary.evaluate((element) => getComputedStyle(element).animationName);
    expect(animation).toBe(reducedMotion === "reduce" ? "none" : "pulse");
    await composer(page).stop.click();
  });
}

test("in a contrast theme (forced colours) the switch, the pressed theme button, Send, a question's bubble and the conversation shown are still drawn", async ({ page }) => {
  await page.emulateMedia({ forcedColors: "active" });
  await page.goto("/");
  await sendMessage(page, `mock:echo ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  const background = (element: HTMLElement) => getComputedStyle(element).backgroundColor;
  // The switch's knob stands out from its track, on and off.
  const streamSwitch = composer(page).streamSwitch;
  for (const checked of [true, false]) {
    await expect(streamSwitch).toBeChecked({ checked });
    const [track, knob] = await streamSwitch.evaluate((element) => [getComputedStyle(element).backgroundColor, getComputedStyle(element.firstElementChild as HTMLElement).backgroundColor]);
    expect(knob).not.toBe(track);
    await streamSwitch.click();
  }
  // The pressed theme button is not drawn as the others are.
  const theme = page.getByRole("group", { name: "Theme" });
  await theme.getByRole("button", { name: "Dark" }).click();
  await expect(theme.getByRole("button", { name: "Dark" })).toHaveAttribute("aria-pressed", "true");
  expect(await theme.getByRole("button", { name: "Dark" }).evaluate(background)).not.toBe(await theme.getByRole("button", { name: "Light" }).evaluate(background));
  // Send has a border (its background was all that drew it), and so does a question's bubble.
  expect(await composer(page).send.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe("solid");
  const bubble = page.getByRole("log").locator('article[data-role="user"] .rounded-2xl');
  expect(await bubble.evaluate((element) => getComputedStyle(element).borderTopStyle)).toBe("solid");
  // The conversation shown is outlined.
  const shown = page.getByRole("navigation", { name: "Conversations" }).locator('[aria-current="page"]');
  expect(await shown.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");
});
