import type { Page, Route } from "@playwright/test";
import { composer, contentOf, expect, holdScripts, lastAnswer, sendMessage, test, uniqueTag, waitUntilDone } from "./support";

/*
 * A slow connection: the page's HTML is there, and its message box takes
 * text, before its code has run or its saved chats have been read.
 */

/** From now on, `handle` takes the requests for the scripts the page's HTML does not load itself: the chunks it imports later, the saved chats' reader among them. */
async function routeLaterChunks(page: Page, handle: (route: Route) => Promise<void>): Promise<void> {
  const loadedByTheHtml = new Set(await page.evaluate(() => [...document.querySelectorAll<HTMLScriptElement>("script[src]")].map((script) => script.src)));
  await page.route("**/_next/static/chunks/**", (route) => (loadedByTheHtml.has(route.request().url()) ? route.continue() : handle(route)));
}

/** From now on, the chunks the page imports later come `ms` late. */
async function delayLaterChunks(page: Page, ms: number): Promise<void> {
  await routeLaterChunks(page, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

async function askFirst(page: Page): Promise<string> {
  const tag = uniqueTag();
  await page.goto("/");
  await sendMessage(page, `mock:echo first ${tag}`);
  await waitUntilDone(lastAnswer(page));
  return tag;
}

const conversationList = (page: Page) => page.getByRole("navigation", { name: "Conversations" }).getByRole("listitem");

test("text typed before the page's code runs stays in the box, in a new chat, and Enter sends it there", async ({ page }) => {
  const tag = await askFirst(page);
  const release = await holdScripts(page);
  await page.reload({ waitUntil: "domcontentloaded" });
  const { message, send } = composer(page);
  await message.click();
  await page.keyboard.type("mock:echo typed early");
  release();

  // The saved conversation is read (listed) but not opened: the text was begun in the empty chat the page showed.
  await expect(conversationList(page).getByRole("button", { name: `mock:echo first ${tag}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New chat");
  await expect(message).toHaveValue("mock:echo typed early");
  await expect(send).toBeEnabled();
  await expect(page.getByRole("log").locator("article")).toHaveCount(0);
  await message.press("Enter");
  await expect(contentOf(lastAnswer(page))).toHaveText("You said: mock:echo typed early (1 messages)");
  await expect(conversationList(page)).toHaveCount(2);
});

test("on a first visit, a question typed before the page's code runs is sent by Enter once it runs", async ({ page }) => {
  const release = await holdScripts(page);
  await page.goto("/", { waitUntil: "domcontentloaded" });
  const { message, send } = composer(page);
  await message.click();
  const question = `mock:echo typed on a first visit ${uniqueTag()}`;
  await page.keyboard.type(question);
  release();
  // Send, drawn disabled for the empty box the server drew, works once the page's code has taken the text in.
  await expect(send).toBeEnabled();
  await message.press("Enter");
  await expect(contentOf(lastAnswer(page))).toHaveText(`You said: ${question} (1 messages)`);
});

test("a question sent before the saved chats are read keeps its conversation and its answer, beside the saved ones", async ({ page }) => {
  const tag = await askFirst(page);
  await delayLaterChunks(page, 3_000);
  await page.reload();
  const { message, send } = composer(page);
  await message.fill(`mock:echo asked before the read ${tag}`);
  await expect(send).toBeEnabled();
  // Not read yet: the list is empty.
  await expect(conversationList(page)).toHaveCount(0);
  await message.press("Enter");

  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await expect(conversationList(page)).toHaveCount(2);
  await expect(contentOf(answer)).toHaveText(`You said: mock:echo asked before the read ${tag} (1 messages)`);
  await expect(contentOf(page.getByRole("log").locator('article[data-role="user"]'))).toHaveText([`mock:echo asked before the read ${tag}`]);

  await page.unrouteAll({ behavior: "wait" });
  await page.reload();
  await expect(conversationList(page)).toHaveCount(2);
  await expect(contentOf(lastAnswer(page))).toHaveText(`You said: mock:echo asked before the read ${tag} (1 messages)`);
});

test("saved chats whose reader could not be fetched (the connection dropped) are kept, and the page says a reload shows them", async ({ page }) => {
  const tag = await askFirst(page);
  // The connection drops for 2.5 s as the page reloads: the chunks it imports meanwhile fail (the saved chats'
  // reader, imported then, for good); the notice's chunk is tried again after.
  let downUntil = 0;
  await routeLaterChunks(page, (route) => (Date.now() < downUntil ? route.abort("internetdisconnected") : route.continue()));
  downUntil = Date.now() + 2_500;
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "could not be loaded" })).toHaveText(
    /could not be loaded: the connection may have dropped.*reloading the page shows them/,
  );
  await expect(conversationList(page)).toHaveCount(0);
  // Asked meanwhile: answered, and not saved over the conversations it could not read.
  await sendMessage(page, "mock:echo meanwhile");
  await waitUntilDone(lastAnswer(page));

  await page.unrouteAll({ behavior: "wait" });
  await page.reload();
  await expect(conversationList(page)).toHaveCount(1);
  await expect(conversationList(page).getByRole("button", { name: `mock:echo first ${tag}` })).toBeVisible();
});

test.describe("a button clicked before the page's code runs does its work once the code runs", () => {
  test("Settings opens its dialog", async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto("/", { waitUntil: "domcontentloaded" });
    await page.getByRole("button", { name: "Settings" }).click();
    release();
    await expect(page.getByRole("dialog", { name: "Conversation settings" })).toBeVisible();
  });

  test("on a phone, the menu button opens the conversations", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const release = await holdScripts(page);
    await page.goto("/", { waitUntil: "domcontentloaded" });
    await page.getByRole("button", { name: "Open conversations" }).click();
    release();
    const drawer = page.getByRole("navigation", { name: "Conversations" });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole("button", { name: "New chat" })).toBeFocused();
  });

  test("Run on /compare runs, rather than submit its form natively and reload the page", async ({ page }) => {
    const release = await holdScripts(page);
    await page.goto("/compare", { waitUntil: "domcontentloaded" });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    release();
    for (const name of ["Streaming", "Non-streaming"]) {
      await expect(page.getByRole("region", { name, exact: true })).toHaveAttribute("data-status", "done", { timeout: 20_000 });
    }
    expect(new URL(page.url()).search).toBe("");
  });
});
