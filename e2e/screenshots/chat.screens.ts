import { mkdirSync } from "node:fs";
import { test, type Page } from "@playwright/test";
import { drawnImage, pasteImage } from "../support";
import { seedConversations } from "./seed-conversations";

/*
 * Screenshots to look at, not assertions: `npm run screenshots` writes them to
 * screenshots/ (not committed). Light and dark, desktop and phone, English,
 * Japanese and Korean, with saved conversations in CJK and emoji, and one
 * with formulas.
 */

const folder = "screenshots";
mkdirSync(folder, { recursive: true });

const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

async function open(page: Page, { locale = "en", theme, conversation = "osaka" }: { locale?: string; theme: "light" | "dark"; conversation?: string }) {
  await page.addInitScript(
    ({ seed, locale, theme }) => {
      // Only on the first load: a reload keeps what the page saved.
      if (localStorage.getItem("streamchat") !== null) return;
      localStorage.setItem("streamchat", JSON.stringify({ state: seed, version: 2 }));
      localStorage.setItem("streamchat.locale", locale);
      localStorage.setItem("streamchat.theme", theme);
    },
    { seed: { ...seedConversations, activeConversationId: conversation }, locale, theme },
  );
  await page.goto("/");
  await page.getByRole("log").locator("article").first().waitFor();
  // Formulas are typeset once KaTeX (a chunk of its own) has arrived.
  if (conversation === "math") {
    await page.locator('.math-formula[data-state="typeset"]').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('.math-formula:not([data-state="typeset"])'));
  }
  // Fonts and the models list settle; nothing animates in the shot but the caret.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${folder}/${name}.png` });

interface Case {
  name: string;
  viewport: typeof desktop;
  options: Parameters<typeof open>[1];
  /** A button to press, and the shot of what it opens, named `${name}-${then.suffix}`. */
  then?: { button: string; suffix: string };
}

const cases: Case[] = [
  ...(["light", "dark"] as const).flatMap((theme): Case[] => [
    { name: `desktop-${theme}`, viewport: desktop, options: { theme } },
    { name: `phone-${theme}`, viewport: phone, options: { theme }, then: { button: "Open conversations", suffix: "drawer" } },
    { name: `desktop-${theme}-error`, viewport: desktop, options: { theme, conversation: "sse" } },
  ]),
  { name: "desktop-dark-math", viewport: desktop, options: { theme: "dark", conversation: "math" } },
  { name: "phone-light-math", viewport: phone, options: { theme: "light", conversation: "math" } },
  { name: "desktop-light-ja", viewport: desktop, options: { theme: "light", locale: "ja" }, then: { button: "設定", suffix: "settings" } },
  { name: "phone-dark-ko", viewport: phone, options: { theme: "dark", locale: "ko", conversation: "seoul" }, then: { button: "대화 목록 열기", suffix: "drawer" } },
];

for (const { name, viewport, options, then } of cases) {
  test(name, async ({ page }) => {
    await page.setViewportSize(viewport);
    await open(page, options);
    await shot(page, name);
    if (!then) return;
    await page.getByRole("button", { name: then.button }).click();
    await page.waitForTimeout(300);
    await shot(page, `${name}-${then.suffix}`);
  });
}

test("empty page, Japanese phone, light", async ({ page }) => {
  await page.setViewportSize(phone);
  await page.addInitScript(() => localStorage.setItem("streamchat.locale", "ja"));
  await page.goto("/");
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await shot(page, "phone-light-ja-empty");
});

test.describe("close up, at twice the pixels", () => {
  test.use({ deviceScaleFactor: 2 });

  test("CJK and emoji in a bubble, an answer and the sidebar", async ({ page }) => {
    await page.setViewportSize(desktop);
    await open(page, { theme: "light" });
    await page.locator('article[data-role="user"]').last().screenshot({ path: `${folder}/close-up-bubble.png` });
    await page.locator('article[data-role="assistant"]').first().screenshot({ path: `${folder}/close-up-answer.png` });
    await page.getByRole("navigation").screenshot({ path: `${folder}/close-up-sidebar.png`});
  });
});

test("keyboard focus, dark: the skip link, then a conversation with its menu button, then the menu", async ({ page }) => {
  await page.setViewportSize(desktop);
  await open(page, { theme: "dark" });
  await page.keyboard.press("Tab");
  await shot(page, "desktop-dark-focus-skip-link");
  for (let presses = 0; presses < 4; presses += 1) await page.keyboard.press("Tab");
  await shot(page, "desktop-dark-focus-conversation");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await shot(page, "desktop-dark-conversation-menu");
});

for (const [name, viewport, theme] of [["desktop-light-images", desktop, "light"], ["phone-dark-images", phone, "dark"]] as const) {
  test(`a question with images, and a draft with one: ${name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await open(page, { theme, conversation: "seoul" });
    const box = page.getByRole("textbox", { name: "Message" });
    await box.fill("mock:echo Which of the two is brighter? ");
    await pasteImage(box, "before.png", await drawnImage(page, 800, 600, "前 🌱"));
    await pasteImage(box, "after.png", await drawnImage(page, 600, 800, "後 🌳"));
    await page.getByRole("list", { name: "Images" }).getByRole("img").nth(1).waitFor();
    await box.press("Enter");
    await page.locator('article[data-role="assistant"][data-status="done"]').waitFor();
    await box.fill("And this one?");
    await pasteImage(box, "third.png", await drawnImage(page, 640, 480, "三 🍂"));
    await page.getByRole("list", { name: "Images" }).getByRole("img").waitFor();
    await page.waitForTimeout(300);
    await shot(page, name);
  });
}
