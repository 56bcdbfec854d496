import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./page-checks";
import { composer, holdScripts, lastAnswer, sendMessage, uniqueTag } from "./support";

const languageSwitch = (page: Page) => page.getByRole("combobox", { name: /Language/ });

/** What the protocol promises in every language: the names stay, and a message can be sent and stopped. */
async function expectProtocolNamesWork(page: Page) {
  const { message, send, stop, streamSwitch } = composer(page);
  await expect(message).toBeEditable();
  await expect(streamSwitch).toBeChecked();
  await message.fill(`mock:paced tokens=400 interval=30 ${uniqueTag()}`);
  await send.click();
  await expect(stop).toBeVisible();
  await stop.click();
  await expect(page.getByRole("log").locator('article[data-role="assistant"]').last()).toHaveAttribute("data-status", "stopped");
}

test.describe("a browser whose language is Japanese", () => {
  test.use({ locale: "ja-JP" });

  test("gets the page in Japanese at first visit, can switch to Korean and back, and the choice stays after a reload", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(composer(page).message).toHaveAttribute("placeholder", "メッセージを入力");
    await expect(page.getByText("何でも聞いてください。")).toBeVisible();
    await expect(page.getByText("ストリーミング表示")).toBeVisible();
    await expect(languageSwitch(page)).toHaveValue("ja");
    await expectProtocolNamesWork(page);
    await expect(page.getByText("停止しました。", { exact: true })).toBeVisible();

    await languageSwitch(page).selectOption("ko");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(page.getByText("스트리밍으로 표시")).toBeVisible();
    await expect(page.getByText("중지되었습니다.", { exact: true })).toBeVisible();
    await expectProtocolNamesWork(page);

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    await expect(composer(page).message).toHaveAttribute("placeholder", "메시지를 입력하세요");
    await expect(languageSwitch(page)).toHaveValue("ko");

    await languageSwitch(page).selectOption("ja");
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    await expect(composer(page).message).toHaveAttribute("placeholder", "メッセージを入力");
  });

  test("a server's error is said in Japanese", async ({ page }) => {
    await page.goto("/");
    await sendMessage(page, `mock:status code=401 ${uniqueTag()}`);
    const alert = lastAnswer(page).getByRole("alert");
    // auth_failed, known to the page by its code, then the page's own sentence.
    await expect(alert).toContainText("API キーを確認する必要があります");
    await expect(alert).toContainText("再試行しても解決しません。");
    await expect(alert).not.toContainText("credentials");
  });

  test("a model's refusal says what to change, in Japanese", async ({ page }) => {
    await page.goto("/");
    await sendMessage(page, `mock:status code=400 error=context_length_exceeded ${uniqueTag()}`);
    const alert = lastAnswer(page).getByRole("alert");
    await expect(alert).toContainText("新しい会話を始めるか、前のメッセージを編集して短くしてください");
    await expect(alert).not.toContainText("設定を確認してください");
    // Kept with the conversation, and said the same after a reload.
    await page.reload();
    await expect(lastAnswer(page).getByRole("alert")).toContainText("前のメッセージを編集して短くしてください");
  });
});

test.describe("a Korean page whose request cannot reach the server", () => {
  test.use({ locale: "ko-KR", expectedConsoleErrors: [/Failed to load resource/] });

  test("says so in Korean, with a retry", async ({ page }) => {
    await page.goto("/");
    await page.route("**/api/chat", (route) => route.abort("connectionrefused"));
    await sendMessage(page, "안녕하세요 👋");
    const alert = lastAnswer(page).getByRole("alert");
    await expect(alert).toContainText("서버에 연결할 수 없습니다.");
    await expect(alert.getByRole("button", { name: "다시 시도" })).toBeEnabled();
  });
});

test.describe("the theme", () => {
  test.use({ colorScheme: "dark" });

  const html = (page: Page) => page.locator("html");
  const themeButton = (page: Page, name: string) => page.getByRole("group", { name: "Theme" }).getByRole("button", { name });

  test("follows a dark system, a chosen theme overrides it and stays after a reload, and System follows the system live", async ({ page }) => {
    await page.goto("/");
    await expect(html(page)).toHaveClass(/\bdark\b/);
    await expect(themeButton(page, "System")).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("body")).not.toHaveCSS("background-color", "rgb(255, 255, 255)");

    await themeButton(page, "Light").click();
    await expect(html(page)).not.toHaveClass(/\bdark\b/);
    await expect(themeButton(page, "Light")).toHaveAttribute("aria-pressed", "true");
    await expect(themeButton(page, "System")).toHaveAttribute("aria-pressed", "false");
    await expect(page.locator("body")).toHaveCSS("background-color", "rgb(255, 255, 255)");

    await page.reload();
    await expect(html(page)).not.toHaveClass(/\bdark\b/);
    await expect(themeButton(page, "Light")).toHaveAttribute("aria-pressed", "true");

    await themeButton(page, "System").click();
    await expect(html(page)).toHaveClass(/\bdark\b/);
    await page.emulateMedia({ colorScheme: "light" });
    await expect(html(page)).not.toHaveClass(/\bdark\b/);
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(html(page)).toHaveClass(/\bdark\b/);
  });

  test("the first paint already has the theme: no flash of the other one", async ({ page }) => {
    // The class as it is the moment <body> is parsed: before anything of the page can be drawn.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.body) return;
        (window as unknown as { themeAtParse: string }).themeAtParse = document.documentElement.className;
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const themeAtParse = () => page.evaluate(() => (window as unknown as { themeAtParse: string }).themeAtParse);
    await page.goto("/");
    expect(await themeAtParse()).toMatch(/\bdark\b/);
    await page.evaluate(() => localStorage.setItem("streamchat.theme", "light"));
    await page.reload();
    expect(await themeAtParse()).not.toMatch(/\bdark\b/);
    await expect(html(page)).not.toHaveClass(/\bdark\b/);
  });
  test("the header's theme and language controls, a chunk of their own, take a choice made before that chunk has come", async ({ page }) => {
    // The chunk that draws the controls (its JSX sets data-theme-choice) is held back until released.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (/"data-theme-choice":/.test(body)) {
        held += 1;
        await released;
      }
      await route.fulfill({ response, body });
    });
    await page.goto("/");
    // The page has hydrated (this line waits for the saved chats); the controls, drawn on the server, have not.
    await expect(page.getByText("Ask anything.")).toBeVisible();
    await expect.poll(() => held).toBe(1);
    await themeButton(page, "Light").click();
    await expect(html(page)).not.toHaveClass(/\bdark\b/);
    // Drawn pressed though not hydrated: from the choice the page marks <html> with.
    await expect(themeButton(page, "System")).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await expect(themeButton(page, "Light")).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await languageSwitch(page).selectOption("ja");
    await expect(html(page)).toHaveAttribute("lang", "ja");
    await expect(composer(page).message).toHaveAttribute("placeholder", "メッセージを入力");

    release();
    await expect(page.getByRole("group", { name: "テーマ" }).getByRole("button", { name: "ライト" })).toHaveAttribute("aria-pressed", "true");
    await expect(languageSwitch(page)).toHaveValue("ja");
    // Chunks still being routed would be cut by the reload.
    await page.unrouteAll({ behavior: "wait" });
    // Reloaded with the chunk held again: the chosen theme's button is drawn pressed from the first paint.
    let releaseAgain = () => {};
    const releasedAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
    await page.route("**/_next/static/chunks/*.js", async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (/"data-theme-choice":/.test(body)) await releasedAgain;
      await route.fulfill({ response, body });
    });
    await page.reload();
    await expect(html(page)).not.toHaveClass(/\bdark\b/);
    await expect(html(page)).toHaveAttribute("lang", "ja");
    // (Named as the server drew them, in English, until they hydrate.)
    await expect(themeButton(page, "Light")).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await expect(themeButton(page, "System")).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    releaseAgain();
    await page.unrouteAll({ behavior: "wait" });
    await expect(page.getByRole("group", { name: "テーマ" }).getByRole("button", { name: "ライト" })).toHaveAttribute("aria-pressed", "true");
  });
});

/** Clicks `button` until `done` holds: a button drawn on the server does nothing before the page's code hydrates it. */
async function clickUntil(button: Locator, done: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await button.click({ timeout: 1_000 });
    await done();
  }).toPass();
}

test("on a wide screen the conversations column closes for the chat's full width, stays closed after a reload from the first paint, and opens again", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const conversations = page.getByRole("navigation", { name: "Conversations" });
  const open = page.getByRole("button", { name: "Open conversations" });
  const close = conversations.getByRole("button", { name: "Close conversations" });
  await expect(open).toBeHidden();
  // Each button is drawn on the server, and a click before the page's code has hydrated it does nothing: clicked till it does.
  await clickUntil(close, () => expect(conversations).toBeHidden({ timeout: 500 }));
  await expect(open).toBeFocused();
  await expect.poll(async () => (await page.getByRole("main").boundingBox())?.x).toBe(0);

  // Closed before the page's script runs: the inline script marks <html>, and the stylesheet hides the column.
  const release = await holdScripts(page);
  await page.reload({ waitUntil: "domcontentloaded" });
  await expect(page.locator("html")).toHaveClass(/\bconversations-closed\b/);
  await expect(conversations).toBeHidden();
  release();
  await expect(composer(page).message).toBeEditable();

  await clickUntil(open, () => expect(conversations).toBeVisible({ timeout: 500 }));
  await expect(conversations.getByRole("button", { name: "New chat" })).toBeFocused();
  await page.reload();
  await expect(conversations).toBeVisible();

  // A phone keeps its drawer, whatever a wide screen chose.
  await clickUntil(close, () => expect(conversations).toBeHidden({ timeout: 500 }));
  await page.setViewportSize({ width: 390, height: 844 });
  await open.click();
  await expect(conversations).toBeVisible();
  await expect(conversations.getByRole("button", { name: "New chat" })).toBeFocused();
});
