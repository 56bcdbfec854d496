import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { savedChatsText } from "../lib/store/testing/saved-chats-text";
import { documentAnswer } from "../mock/markdown-answer";
import { composer, expect, lastAnswer, mockRecordFor, sendMessage, test, textOf, uniqueTag, waitUntilDone } from "./support";

const sidebar = (page: Page) => page.getByRole("navigation", { name: "Conversations" });
const conversationButton = (page: Page, title: string | RegExp) => sidebar(page).getByRole("button", { name: title, exact: typeof title === "string" });

/** Chooses one of a conversation's actions in its "⋯" menu, which shows on hover (or keyboard focus) on a wide screen. */
async function conversationAction(page: Page, title: string | RegExp, action: "Rename" | "Pin" | "Unpin" | "Share as a link" | "Download as Markdown" | "Delete"): Promise<void> {
  await conversationButton(page, title).hover();
  await sidebar(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: title, exact: typeof title === "string" }) })
    .getByRole("button", { name: /^Options for “/ })
    .click();
  await page.getByRole("menu").getByRole("menuitem", { name: action, exact: true }).click();
}

async function askAndWait(page: Page, text: string): Promise<void> {
  await sendMessage(page, text);
  await waitUntilDone(lastAnswer(page));
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(composer(page).message).toBeVisible();
});

test("conversations: titled from the first message, switched, renamed, deleted, and all kept after a reload", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await askAndWait(page, `First topic ${uniqueTag()}`);
  await expect(conversationButton(page, /^First topic/)).toHaveAttribute("aria-current", "page");

  await sidebar(page).getByRole("button", { name: "New chat" }).click();
  await expect(page.getByRole("log").locator("article")).toHaveCount(0);
  await askAndWait(page, `Second topic ${uniqueTag()}`);
  await expect(sidebar(page).getByRole("listitem")).toHaveCount(2);

  await conversationButton(page, /^First topic/).click();
  await expect(page.getByRole("log").locator('article[data-role="user"]')).toContainText("First topic");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("First topic");

  await conversationAction(page, /^First topic/, "Rename");
  const titleField = sidebar(page).getByRole("textbox", { name: "Conversation title" });
  await titleField.fill("Renamed by hand");
  await titleField.press("Enter");
  await expect(conversationButton(page, "Renamed by hand")).toBeVisible();

  await page.reload();
  await expect(conversationButton(page, "Renamed by hand")).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("log").locator('article[data-role="user"]')).toContainText("First topic");
  await expect(conversationButton(page, /^Second topic/)).toBeVisible();

  await conversationAction(page, "Renamed by hand", "Delete");
  await expect(sidebar(page).getByRole("listitem")).toHaveCount(1);
  await page.reload();
  await expect(sidebar(page).getByRole("listitem")).toHaveCount(1);

  await sidebar(page).getByRole("button", { name: "Clear all conversations" }).click();
  await expect(sidebar(page).getByRole("listitem")).toHaveCount(0);
  await page.reload();
  await expect(sidebar(page).getByRole("listitem")).toHaveCount(0);
});

test("declining the confirmation deletes nothing", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.dismiss());
  await askAndWait(page, `Keep me ${uniqueTag()}`);
  await conversationAction(page, /^Keep me/, "Delete");
  await sidebar(page).getByRole("button", { name: "Clear all conversations" }).click();
  await expect(sidebar(page).getByRole("listitem")).toHaveCount(1);
});

test("each conversation sends its own system prompt, reasoning effort and temperature", async ({ page }) => {
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Conversation settings" });
  await dialog.getByRole("textbox", { name: "System prompt" }).fill("Answer like a pirate.");
  await dialog.getByRole("slider").fill("0.3");
  await dialog.getByRole("combobox", { name: "Reasoning effort" }).selectOption("high");
  // The mock is a model server on this machine: the models it lists are offered, its embedding model is not.
  const models = dialog.getByRole("combobox", { name: "Model" });
  await expect(models).toContainText("mock-reasoner");
  await expect(models).not.toContainText("nomic-embed-text");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  const firstTag = uniqueTag();
  await askAndWait(page, `With settings ${firstTag}`);
  const first = await mockRecordFor(firstTag);
  expect(first.body.messages).toEqual([
    { role: "system", content: "Answer like a pirate." },
    { role: "user", content: `With settings ${firstTag}` },
  ]);
  expect(first.body.temperature).toBe(0.3);
  expect(first.body.reasoning_effort).toBe("high");

  await sidebar(page).getByRole("button", { name: "New chat" }).click();
  const secondTag = uniqueTag();
  await askAndWait(page, `Without settings ${secondTag}`);
  const second = await mockRecordFor(secondTag);
  expect(second.body.messages).toEqual([{ role: "user", content: `Without settings ${secondTag}` }]);
  expect(second.body.temperature).toBeUndefined();
  expect(second.body).not.toHaveProperty("reasoning_effort");
});

test("settings made new chats' own: a new chat starts with them, after a reload too, and its own changes stay its own", async ({ page }) => {
  const openSettings = async () => {
    await page.getByRole("button", { name: "Settings" }).click();
    return page.getByRole("dialog", { name: "Conversation settings" });
  };
  let dialog = await openSettings();
  const status = dialog.getByRole("status").filter({ hasText: "New chats start with these settings." });
  // Nothing chosen yet: new chats start so already.
  await expect(status).toBeVisible();
  await dialog.getByRole("textbox", { name: "System prompt" }).fill("Answer like a pirate.");
  await dialog.getByRole("combobox", { name: "Model" }).selectOption("mock-reasoner");
  await expect(status).toHaveCount(0);
  const use = dialog.getByRole("button", { name: "Use these settings for new chats" });
  await use.click();
  await expect(status).toBeVisible();
  await expect(use).toBeFocused();
  await dialog.getByRole("button", { name: "Done" }).click();
  await askAndWait(page, `First ${uniqueTag()}`);

  await page.reload();
  await sidebar(page).getByRole("button", { name: "New chat" }).click();
  const tag = uniqueTag();
  await askAndWait(page, `Second ${tag}`);
  const sent = await mockRecordFor(tag);
  expect(sent.body.messages).toEqual([
    { role: "system", content: "Answer like a pirate." },
    { role: "user", content: `Second ${tag}` },
  ]);
  expect(sent.body.model).toBe("mock-reasoner");

  // A change in this chat is this chat's: the next new chat starts as set before.
  dialog = await openSettings();
  await dialog.getByRole("textbox", { name: "System prompt" }).fill("Answer in haiku.");
  await expect(status).toHaveCount(0);
  await dialog.getByRole("button", { name: "Done" }).click();
  await sidebar(page).getByRole("button", { name: "New chat" }).click();
  dialog = await openSettings();
  await expect(dialog.getByRole("textbox", { name: "System prompt" })).toHaveValue("Answer like a pirate.");
  await expect(status).toBeVisible();
});

test.describe("a reader in Tokyo", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("sees the conversations grouped by when each was last written to, by their own days: today, yesterday, the 7 and the 30 days before, then by month", async ({ page }) => {
    // 12:00 on 5 December 2026 in Tokyo, 03:00 in UTC.
    const now = Date.UTC(2026, 11, 5, 3, 0);
    const hours = 3_600_000;
    await page.clock.setFixedTime(now);
    const saved = (id: string, title: string, updatedAt: number) => ({ id, title, questions: [`About ${title}`], answer: "Noted.", updatedAt });
    const text = savedChatsText([
      // 01:00 in Tokyo: today there, though still yesterday in UTC.
      saved("night", "After midnight", now - 11 * hours),
      saved("late", "Late last night", now - 14 * hours),
      saved("days", "Three days ago", now - 72 * hours),
      saved("weeks", "Two weeks ago", now - 14 * 24 * hours),
      saved("october", "In October", Date.UTC(2026, 9, 10, 3)),
      saved("june", "Last June", Date.UTC(2025, 5, 1, 3)),
    ]);
    await page.evaluate((value) => localStorage.setItem("streamchat", value), text);
    await page.reload();
    const group = (name: string) => sidebar(page).getByRole("list", { name }).getByRole("listitem");
    await expect(sidebar(page).getByRole("heading")).toHaveText(["Today", "Yesterday", "Previous 7 days", "Previous 30 days", "October 2026", "June 2025"]);
    await expect(group("Today")).toHaveText([/^After midnight/]);
    await expect(group("Yesterday")).toHaveText([/^Late last night/]);
    await expect(group("October 2026")).toHaveText([/^In October/]);

    // Written to again, a conversation is today's, at the top; its month has no one left and goes.
    await conversationButton(page, "In October").click();
    await askAndWait(page, `Back to this ${uniqueTag()}`);
    await expect(group("Today")).toHaveText([/^In October/, /^After midnight/]);
    await expect(sidebar(page).getByRole("heading")).toHaveText(["Today", "Yesterday", "Previous 7 days", "Previous 30 days", "June 2025"]);
  });
});

test("a pinned conversation stays first, under Pinned, whatever its age and after a reload; unpinned, it goes back to its group", async ({ page }) => {
  const day = 24 * 3_600_000;
  const saved = (id: string, title: string, updatedAt: number) => ({ id, title, questions: [`About ${title}`], answer: "Noted.", updatedAt });
  const text = savedChatsText([saved("recent", "Recent one", Date.now() - 60_000), saved("old", "Old recipe", Date.now() - 60 * day)]);
  await page.evaluate((value) => localStorage.setItem("streamchat", value), text);
  await page.reload();
  const headings = sidebar(page).getByRole("heading");
  const group = (name: string) => sidebar(page).getByRole("list", { name }).getByRole("listitem");
  await expect(headings).toHaveText(["Today", /\d{4}/]);

  await conversationAction(page, "Old recipe", "Pin");
  await expect(headings).toHaveText(["Pinned", "Today"]);
  await expect(group("Pinned")).toHaveText([/^Old recipe/]);
  // The row moved; the focus went with it.
  await expect(conversationButton(page, "Old recipe")).toBeFocused();

  // Written to, it stays where it was pinned.
  await conversationButton(page, "Old recipe").click();
  await askAndWait(page, `More about it ${uniqueTag()}`);
  await page.reload();
  await expect(headings).toHaveText(["Pinned", "Today"]);
  await expect(group("Pinned")).toHaveText([/^Old recipe/]);

  // Found by a search, in one list with the others, it says it is pinned.
  await sidebar(page).getByRole("searchbox", { name: "Search conversations" }).fill("recipe");
  await expect(sidebar(page).getByRole("listitem")).toHaveText([/^Old recipe · Pinned/]);
  await sidebar(page).getByRole("searchbox", { name: "Search conversations" }).fill("");

  await conversationAction(page, "Old recipe", "Unpin");
  await expect(headings).toHaveText(["Today"]);
  await expect(group("Today")).toHaveText([/^Old recipe/, /^Recent one/]);
});

test("printed or saved as a PDF, a conversation is all of its messages, in the light theme, without the sidebar, the controls or the message box", async ({ page }) => {
  const questions = Array.from({ length: 12 }, (_, index) => `Question ${index + 1}: 大阪 🍜`);
  await page.evaluate(
    (text) => {
      localStorage.setItem("streamchat", text);
      localStorage.setItem("streamchat.theme", "dark");
    },
    savedChatsText([{ id: "long", title: "A long talk", questions, answer: "An answer of a few lines.\n\n".repeat(4) }]),
  );
  await page.reload();
  await expect(page.getByRole("log").locator("article")).toHaveCount(24);
  // On screen, one screenful that scrolls inside the log.
  const pageHeight = () => page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight);
  expect(await pageHeight()).toBeLessThanOrEqual(1);
  const logButtons = page.getByRole("log").getByRole("button");
  expect(await logButtons.count()).toBeGreaterThan(0);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body")).toHaveCSS("background-color", "rgb(255, 255, 255)");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A long talk");
  await expect(sidebar(page)).toBeHidden();
  await expect(composer(page).message).toBeHidden();
  await expect(page.getByRole("button", { name: "Settings" })).toBeHidden();
  // Copy, Read aloud, Regenerate and the like: none on paper.
  await expect(logButtons).toHaveCount(0);
  // The whole conversation, first question to last answer, flows onto the pages.
  expect(await pageHeight()).toBeGreaterThan(3);
  await expect(page.getByText("Question 1: 大阪 🍜")).toBeVisible();
});

test("the conversation list works from the keyboard alone", async ({ page }) => {
  await askAndWait(page, `Keyboard one ${uniqueTag()}`);
  await sidebar(page).getByRole("button", { name: "New chat" }).press("Enter");
  await expect(composer(page).message).toBeFocused();
  await askAndWait(page, `Keyboard two ${uniqueTag()}`);
  // Tab from the new-chat button past the column's close button and the search box into the list, and open the older conversation with Enter.
  await sidebar(page).getByRole("button", { name: "New chat" }).focus();
  await page.keyboard.press("Tab");
  await expect(sidebar(page).getByRole("button", { name: "Close conversations" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(sidebar(page).getByRole("searchbox", { name: "Search conversations" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(conversationButton(page, /^Keyboard two/)).toBeFocused();
  // Its menu opens with Enter, on its first action; the arrows move through the actions, Escape closes it on its button.
  await page.keyboard.press("Tab");
  const options = sidebar(page).getByRole("button", { name: /^Options for “Keyboard two/ });
  await expect(options).toBeFocused();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitem")).toHaveText(["Rename", "Pin", "Share as a link", "Download as Markdown", "Delete"]);
  await expect(menu.getByRole("menuitem", { name: "Rename" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Pin" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(options).toBeFocused();
  // Up on the closed button opens it on its last action.
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(options).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(conversationButton(page, /^Keyboard one/)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(conversationButton(page, /^Keyboard one/)).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("log").locator('article[data-role="user"]')).toContainText("Keyboard one");
});

test("the search finds conversations by a word of their title or messages, shows where, and lets go on Escape and on New chat", async ({ page }) => {
  const saved = savedChatsText([
    { id: "trip", title: "Trip to 大阪 🍜", questions: ["How long is the train?"], answer: "The 新幹線 takes two and a half hours from Tokyo." },
    { id: "bread", title: "Sourdough", questions: ["How do I start?"], answer: "Feed the starter flour and water every day, and keep it somewhere warm." },
    { id: "code", title: "TypeScript streams", questions: ["How do I read SSE?"], answer: "Use eventsource-parser." },
  ]);
  await page.evaluate((text) => localStorage.setItem("streamchat", text), saved);
  await page.reload();
  const search = sidebar(page).getByRole("searchbox", { name: "Search conversations" });
  const found = sidebar(page).getByRole("status");
  const items = sidebar(page).getByRole("listitem");
  await expect(items).toHaveCount(3);

  await search.fill("FLOUR");
  await expect(items).toHaveCount(1);
  // Still called by its title; the words around the match are its description.
  await expect(conversationButton(page, "Sourdough")).toHaveAccessibleDescription("Feed the starter flour and water every day, and keep it somewhere warm.");
  await expect(items.locator("mark")).toHaveText("flour");
  await expect(items).toContainText("SourdoughFeed the starter flour and water every day, and keep it somewhere warm.");
  await expect(found).toHaveText("1 conversation found");

  await search.fill("新幹線");
  await expect(items).toHaveCount(1);
  await expect(conversationButton(page, /^Trip to 大阪 🍜/)).toBeVisible();
  // Full-width letters find their plain forms; two words need not be side by side.
  await search.fill("ＴＹＰＥＳＣＲＩＰＴ parser");
  await expect(items).toHaveCount(1);
  await expect(conversationButton(page, /^TypeScript streams/)).toBeVisible();

  await search.fill("bicycle");
  await expect(items).toHaveCount(0);
  await expect(found).toHaveText("No conversation matches.");
  await expect(found).toBeVisible();
  await search.press("Escape");
  await expect(search).toHaveValue("");
  await expect(items).toHaveCount(3);

  // A conversation had now is found too.
  const tag = uniqueTag();
  await sidebar(page).getByRole("button", { name: "New chat" }).click();
  await askAndWait(page, `Quokkas ${tag}`);
  await search.fill(tag);
  await expect(items).toHaveCount(1);
  await expect(conversationButton(page, /^Quokkas/)).toHaveAttribute("aria-current", "page");
  await sidebar(page).getByRole("button", { name: "New chat" }).click();
  await expect(search).toHaveValue("");
  await expect(items).toHaveCount(5);
});

test("what is typed stays with its conversation, across a switch and a reload, and goes once sent", async ({ page }) => {
  const { message } = composer(page);
  await askAndWait(page, `Drafts topic ${uniqueTag()}`);
  await message.fill("Half a question about 大阪 🍜");
  await sidebar(page).getByRole("button", { name: "New chat" }).click();
  await expect(message).toHaveValue("");
  await message.fill("For the new chat");

  await conversationButton(page, /^Drafts topic/).click();
  await expect(message).toHaveValue("Half a question about 大阪 🍜");
  await page.reload();
  await expect(message).toHaveValue("Half a question about 大阪 🍜");
  // A chat with no message keeps "the new chat's" draft, which is saved: New chat finds it. (The empty chat made
  // before the reload is listed, untitled, as "New chat" too: the button is the first of the two.)
  await sidebar(page).getByRole("button", { name: "New chat" }).first().click();
  await expect(message).toHaveValue("For the new chat");

  await conversationButton(page, /^Drafts topic/).click();
  await message.press("Enter");
  await expect(message).toHaveValue("");
  await waitUntilDone(lastAnswer(page));
  await expect(page.getByRole("log").locator('article[data-role="user"]').last()).toHaveText(/Half a question about 大阪 🍜/);
  await page.reload();
  await expect(conversationButton(page, /^Drafts topic/)).toHaveAttribute("aria-current", "page");
  await expect(message).toHaveValue("");
});

test("a search result opens its conversation at the message it was found in, not at the end", async ({ page }) => {
  // Long Markdown answers, laid out and formatted only as they come near the view: each takes its true height then.
  const questions = Array.from({ length: 30 }, (_, index) => (index === 5 ? "Where do zebras sleep?" : `Question ${index}`));
  const saved = savedChatsText([
    { id: "other", title: "Other", questions: ["Hi"], answer: "Hello." },
    { id: "long", title: "Long", questions, answer: documentAnswer(3_000) },
  ]);
  await page.evaluate((text) => localStorage.setItem("streamchat", text), saved);
  await page.reload();
  await sidebar(page).getByRole("searchbox", { name: "Search conversations" }).fill("zebras");
  // The search result, not the row of the whole list it replaces once the search's code is here (clicked before, that
  // row opened the conversation at its end: this test failed 3 times in some 80 runs).
  const result = conversationButton(page, "Long");
  await expect(result).toHaveAccessibleDescription("Where do zebras sleep?");
  await result.click();
  const found = page.locator('article[data-message-id="long-q5"]');
  await expect(found).toBeInViewport();
  await expect(found).toContainText("Where do zebras sleep?");
  // Marked for a moment; once the mark is gone the answers around it have their size, and it is still in view.
  await expect(found).toHaveClass(/outline-yellow-500/);
  await expect(found).not.toHaveClass(/outline-yellow-500/);
  await expect(found).toBeInViewport();
  await expect(page.locator('article[data-message-id="long-a29"]')).not.toBeInViewport();
  // Picked from the whole list, a conversation opens at its end as before.
  await sidebar(page).getByRole("searchbox", { name: "Search conversations" }).fill("");
  await conversationButton(page, "Other").click();
  await conversationButton(page, "Long").click();
  await expect(page.locator('article[data-message-id="long-a29"]')).toBeInViewport();
});

test("a conversation downloads as a Markdown file named after it, CJK and emoji exact", async ({ page }) => {
  const tag = uniqueTag();
  const question = `mock:echo Trip to 大阪 🍜 ${tag}`;
  await askAndWait(page, question);
  const [download] = await Promise.all([page.waitForEvent("download"), conversationAction(page, question, "Download as Markdown")]);
  expect(download.suggestedFilename()).toBe(`mock echo Trip to 大阪 🍜 ${tag}.md`);
  const text = readFileSync(await download.path(), "utf8");
  const escaped = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  expect(text).toMatch(new RegExp(`^# ${escaped(question)}\n\n### You\n\n${escaped(question)}\n\n### Assistant( · [^\n]+)?\n\n${escaped(`You said: ${question} (1 messages)`)}\n$`));
});

test("a conversation shared as a link opens in another browser as that browser's own, exact, and once however often the link is opened", async ({ page, browser }) => {
  const question = `mock:echo 大阪 🍜 👨‍👩‍👧 ${uniqueTag()}`;
  await askAndWait(page, question);
  const answer = await textOf(lastAnswer(page));
  await conversationAction(page, question, "Share as a link");
  await expect(sidebar(page).getByRole("status")).toHaveText(/^Link copied\. Anyone who has it can read this conversation/);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=[\w-]+$/);

  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(question);
  await expect(other.getByRole("log").locator('article[data-role="user"]')).toContainText([question]);
  expect(await textOf(other.getByRole("log").locator('article[data-role="assistant"]'))).toBe(answer);
  await expect(other.getByRole("status").filter({ hasText: "shared with you as a link" })).toBeVisible();
  // The address is the page's own again: a reload shows the copy, and makes no second one.
  expect(new URL(other.url()).hash).toBe("");
  await other.reload();
  await expect(sidebar(other).getByRole("listitem")).toHaveCount(1);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText(question);
  // Gone on with there, it is that browser's own; the link opened again shows it, as it now is, and adds nothing.
  await sendMessage(other, "mock:echo and one more");
  await waitUntilDone(lastAnswer(other));
  await other.goto(link);
  await expect(sidebar(other).getByRole("listitem")).toHaveCount(1);
  await expect(other.getByRole("log").locator('article[data-role="user"]')).toContainText([question, "mock:echo and one more"]);

  // A link cut short says so, and changes nothing.
  await other.goto(link.slice(0, -12));
  await expect(other.getByRole("status").filter({ hasText: "This shared link could not be read" })).toBeVisible();
  await expect(sidebar(other).getByRole("listitem")).toHaveCount(1);
});

test("on a phone, a conversation's link goes to the system's share sheet; the sheet closed, nothing is said", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const phone = await context.newPage();
  // Chromium on Linux has no share sheet: a stand-in records what it was given, and is closed once without a choice.
  await phone.addInitScript(() => {
    const shared: ShareData[] = [];
    Object.assign(window, { shared });
    navigator.share = async (data?: ShareData) => {
      if (shared.push(data ?? {}) === 1) throw new DOMException("closed", "AbortError");
    };
  });
  await phone.goto("/");
  const question = `mock:echo On the go ${uniqueTag()}`;
  await composer(phone).message.fill(question);
  await composer(phone).send.click();
  await waitUntilDone(lastAnswer(phone));
  await phone.getByRole("button", { name: "Open conversations" }).click();
  const share = async () => {
    await sidebar(phone).getByRole("button", { name: `Options for “${question}”` }).click();
    await phone.getByRole("menuitem", { name: "Share as a link" }).click();
  };
  await share();
  await expect.poll(() => phone.evaluate(() => (window as unknown as { shared: ShareData[] }).shared.length)).toBe(1);
  await expect(sidebar(phone).getByRole("status")).toHaveCount(0);
  await share();
  await expect(sidebar(phone).getByRole("status")).toHaveText(/^Link shared\. Anyone who has it can read this conversation/);
  const [, given] = await phone.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
  expect(given?.title).toBe(question);
  expect(given?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#share=[\w-]+$/);
  await context.close();
});

test("Branch from here: a new conversation of the messages up to that answer, asked on from there; the original stays as it was", async ({ page }) => {
  const [first, second, third] = [`mock:echo First ${uniqueTag()}`, `mock:echo Second ${uniqueTag()}`, uniqueTag()];
  await askAndWait(page, first);
  const firstAnswer = await textOf(lastAnswer(page));
  await askAndWait(page, second);
  const log = page.getByRole("log");
  await log.locator('article[data-role="assistant"]').first().getByRole("button", { name: "Branch from here" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${first} · branch`);
  await expect(log.locator("article")).toHaveCount(2);
  expect(await textOf(lastAnswer(page))).toBe(firstAnswer);
  await expect(composer(page).message).toBeFocused();
  await page.keyboard.type(`mock:echo Third ${third}`);
  await page.keyboard.press("Enter");
  await waitUntilDone(lastAnswer(page));
  // The model is asked with the branch: the first exchange, then the new question; not the second.
  const asked = (await mockRecordFor(third)).body.messages as Array<{ role: string; content: string }>;
  expect(asked.map(({ role, content }) => [role, content])).toEqual([
    ["user", first],
    ["assistant", firstAnswer],
    ["user", `mock:echo Third ${third}`],
  ]);

  await page.reload();
  await expect(sidebar(page).getByRole("listitem")).toHaveCount(2);
  await conversationButton(page, first).click();
  await expect(log.locator('article[data-role="user"]')).toContainText([first, second]);
});

test("a backup of every conversation, restored in another browser, adds them beside its own and replaces nothing", async ({ page, browser }) => {
  const saved = savedChatsText([
    { id: "trip", title: "Trip to 大阪 🍜", questions: ["How long is the train?"], answer: "The 新幹線 takes two and a half hours." },
    { id: "bread", title: "Sourdough", questions: ["How do I start?"], answer: "Feed the starter every day." },
  ]);
  await page.evaluate((text) => localStorage.setItem("streamchat", text), saved);
  await page.reload();
  await page.getByRole("button", { name: "Settings" }).click();
  const settings = page.getByRole("dialog", { name: "Conversation settings" });
  const [download] = await Promise.all([page.waitForEvent("download"), settings.getByRole("button", { name: "Download a backup" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^streamchat-\d{4}-\d{2}-\d{2}\.json$/);
  const backupPath = await download.path();

  // Another browser, with a conversation of its own.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/");
  await sendMessage(other, `Mine ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(other));
  const dialog = other.getByRole("dialog", { name: "Conversation settings" });
  const restore = async (file: string) => {
    if (!(await dialog.isVisible())) await other.getByRole("button", { name: "Settings" }).click();
    const [chooser] = await Promise.all([other.waitForEvent("filechooser"), dialog.getByRole("button", { name: "Restore a backup…" }).click()]);
    await chooser.setFiles(file);
    // The backup's own status, not the one about new chats' settings above it.
    return dialog.getByRole("region", { name: "All conversations" }).getByRole("status");
  };
  await expect(await restore(backupPath)).toHaveText("2 conversations added.");
  await other.getByRole("button", { name: "Done" }).click();
  const titles = sidebar(other).getByRole("listitem");
  await expect(titles).toHaveText([/^Mine/, /^Trip to 大阪 🍜/, /^Sourdough/]);
  await sidebar(other).getByRole("button", { name: "Trip to 大阪 🍜", exact: true }).click();
  await expect(other.getByRole("log").locator('article[data-role="assistant"]')).toContainText("The 新幹線 takes two and a half hours.");
  await other.reload();
  await expect(titles).toHaveText([/^Mine/, /^Trip to 大阪 🍜/, /^Sourdough/]);

  await expect(await restore(backupPath)).toHaveText("0 conversations added; 2 were here already.");
  await expect(await restore(path.join(import.meta.dirname, "support.ts"))).toHaveText("This file is not a streamchat backup, or it is damaged: nothing was added.");
  await expect(titles).toHaveCount(3);
  await other.context().close();
});

test("a rename and a deletion made in a tab while it takes in another tab's save stay made, in both tabs", async ({ page, context }) => {
  await askAndWait(page, `Cats topic ${uniqueTag()}`);
  await sidebar(page).getByRole("button", { name: "New chat" }).click();
  await askAndWait(page, `Dogs topic ${uniqueTag()}`);

  const second = await context.newPage();
  second.on("dialog", (dialog) => void dialog.accept());
  await second.goto("/");
  await expect(conversationButton(second, /^Dogs topic/)).toBeVisible();
  // Rename once here first, so that the title field's code is loaded before the code starts coming slowly.
  await conversationAction(second, /^Dogs topic/, "Rename");
  await sidebar(second).getByRole("textbox", { name: "Conversation title" }).press("Escape");
  // From now on the second tab gets its code slowly: taking another tab's save in (that code loads then) takes seconds.
  await second.route("**/_next/static/chunks/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await route.continue();
  });

  // The first tab saves a new conversation; while the second takes that save in, it renames one conversation and deletes the other.
  await sidebar(page).getByRole("button", { name: "New chat" }).click();
  const tag = uniqueTag();
  await sendMessage(page, `Birds topic mock:paced tokens=3 interval=1500 first=0 ${tag}`);
  await expect.poll(() => second.evaluate(() => localStorage.getItem("streamchat") ?? "")).toContain(tag);
  await conversationAction(second, /^Cats topic/, "Rename");
  const titleField = sidebar(second).getByRole("textbox", { name: "Conversation title" });
  await titleField.fill("Renamed in the second tab");
  await titleField.press("Enter");
  await conversationAction(second, /^Dogs topic/, "Delete");

  const titles = (tab: Page) => sidebar(tab).getByRole("listitem");
  for (const tab of [second, page]) {
    await expect(titles(tab)).toHaveText([/^Birds topic/, /^Renamed in the second tab/], { timeout: 20_000 });
  }
  await waitUntilDone(lastAnswer(page));
  await expect(lastAnswer(page)).toHaveAttribute("data-status", "done");
});
