import type { Page } from "@playwright/test";
import { expect, test } from "./page-checks";
import { composer, contentOf, lastAnswer, sendMessage, uniqueTag, waitUntilDone } from "./support";

/** Two finished conversations, "alpha" (older) and "beta" (open). */
async function twoConversations(page: Page) {
  await sendMessage(page, `mock:echo alpha ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  await page.getByRole("button", { name: "New chat" }).click();
  await sendMessage(page, `mock:echo beta ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
}

const conversations = (page: Page) => page.getByRole("navigation", { name: "Conversations" });

/** Loads the page again (the conversations are kept) and presses Tab from its start until `target` has focus. */
async function tabFromStartTo(page: Page, target: ReturnType<Page["locator"]>, limit = 12) {
  await page.reload();
  await expect(target).toBeVisible();
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return presses + 1;
  }
  throw new Error(`${limit} presses of Tab did not reach the target`);
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(composer(page).message).toBeEditable();
});

test("Tab reaches the conversation list, Enter switches conversation, and rename and delete work by keyboard, through the conversation's menu", async ({ page }) => {
  await twoConversations(page);
  const alpha = conversations(page).getByRole("button", { name: /^mock:echo alpha/ });
  await tabFromStartTo(page, alpha);
  await page.keyboard.press("Enter");
  await expect(alpha).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("mock:echo alpha");
  await expect(contentOf(lastAnswer(page))).toContainText("You said: mock:echo alpha");

  // Rename: Tab to its "⋯" button, Enter opens its menu on Rename, Enter, type, Enter; focus comes back to the conversation.
  await page.keyboard.press("Tab");
  await expect(conversations(page).getByRole("button", { name: /^Options for “mock:echo alpha/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Rename" })).toBeFocused();
  await page.keyboard.press("Enter");
  const title = conversations(page).getByRole("textbox", { name: "Conversation title" });
  await expect(title).toBeFocused();
  await title.fill("Trip to 大阪 🍜");
  await page.keyboard.press("Enter");
  const renamed = conversations(page).getByRole("button", { name: "Trip to 大阪 🍜", exact: true });
  await expect(renamed).toBeFocused();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trip to 大阪 🍜");

  // Delete: Tab to its "⋯" button, Enter, End to Delete (the menu's last), Enter, accept; focus goes to the neighbouring conversation.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.keyboard.press("Tab");
  await expect(conversations(page).getByRole("button", { name: "Options for “Trip to 大阪 🍜”" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(renamed).toHaveCount(0);
  await expect(conversations(page).getByRole("button", { name: /^mock:echo beta/ })).toBeFocused();
});

test("focus returns to the message box after sending with the Send button and after Escape stops", async ({ page }) => {
  const { message, send, stop } = composer(page);
  await message.fill(`mock:paced tokens=400 interval=30 ${uniqueTag()}`);
  await message.press("Tab");
  await expect(send).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(stop).toBeVisible();
  await expect(message).toBeFocused();

  // From elsewhere on the page (the stream switch), Escape stops the answer and brings focus back.
  await composer(page).streamSwitch.focus();
  await page.keyboard.press("Escape");
  await expect(lastAnswer(page)).toHaveAttribute("data-status", "stopped");
  await expect(message).toBeFocused();
});

test("on a phone the drawer takes focus, Escape gives it back to its button, and a chosen conversation hands it to the message box", async ({ page }) => {
  await twoConversations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const menu = page.getByRole("button", { name: "Open conversations" });
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(conversations(page).getByRole("button", { name: "New chat" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(conversations(page)).toBeHidden();
  await expect(menu).toBeFocused();

  // Without a keyboard: its close button does the same.
  await menu.click();
  await conversations(page).getByRole("button", { name: "Close conversations" }).click();
  await expect(conversations(page)).toBeHidden();
  await expect(menu).toBeFocused();

  await page.keyboard.press("Enter");
  await conversations(page).getByRole("button", { name: /^mock:echo alpha/ }).focus();
  await page.keyboard.press("Enter");
  await expect(conversations(page)).toBeHidden();
  await expect(composer(page).message).toBeFocused();
  await expect(contentOf(lastAnswer(page))).toContainText("You said: mock:echo alpha");
});

test("a skip link, first on the page, leads past the conversations to the message box", async ({ page }) => {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the message box" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(composer(page).message).toBeFocused();
});

test("shortcuts: Ctrl+K goes to the search, Shift+Escape to the message box, Ctrl+Shift+O starts a new chat, Ctrl+Shift+S closes and opens the conversations; none while a dialog is open; Settings lists them", async ({ page }) => {
  await twoConversations(page);
  const search = conversations(page).getByRole("searchbox", { name: "Search conversations" });
  const { message } = composer(page);
  // Their code comes once the page is up: pressed until it is there.
  await expect(async () => {
    await page.keyboard.press("ControlOrMeta+K");
    await expect(search).toBeFocused({ timeout: 250 });
  }).toPass();
  await page.keyboard.press("Shift+Escape");
  await expect(message).toBeFocused();

  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toContainText("beta");
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Conversation settings" });
  await page.keyboard.press("ControlOrMeta+Shift+O");
  await expect(dialog).toBeVisible();
  await dialog.getByText("Keyboard shortcuts").click();
  await expect(dialog.getByRole("definition")).toHaveText(["CtrlShiftO", "CtrlK", "CtrlShiftS", "ShiftEsc", "↑", "Esc", "Enter", "ShiftEnter"]);
  await expect(dialog.getByRole("term")).toHaveText([
    "New chat",
    "Search conversations",
    "Close or open the conversations",
    "Go to the message box",
    "Edit your last question (in the empty message box)",
    "Stop the answer",
    "Send",
    "New line",
  ]);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(title).toContainText("beta");

  await page.keyboard.press("ControlOrMeta+Shift+O");
  await expect(title).toHaveText("New chat");
  await expect(message).toBeFocused();

  // Ctrl+Shift+S closes the conversations column, and opens it again.
  await page.keyboard.press("ControlOrMeta+Shift+S");
  await expect(conversations(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Open conversations" })).toBeFocused();
  await page.keyboard.press("ControlOrMeta+Shift+S");
  await expect(conversations(page)).toBeVisible();
  // The first: the untitled chat just started is called New chat too.
  await expect(conversations(page).getByRole("button", { name: "New chat" }).first()).toBeFocused();
});

test("Shift+Escape while an answer streams goes to the message box and does not stop it; Escape does", async ({ page }) => {
  await sendMessage(page, `mock:paced tokens=40 interval=100 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await expect(contentOf(answer)).toContainText("Token 1.");
  await page.getByRole("button", { name: "Settings" }).focus();
  await expect(async () => {
    await page.keyboard.press("Shift+Escape");
    await expect(composer(page).message).toBeFocused({ timeout: 250 });
  }).toPass();
  await expect(answer).toHaveAttribute("data-status", "streaming");
  await page.keyboard.press("Escape");
  await expect(answer).toHaveAttribute("data-status", "stopped");
});

test("Up in the empty message box edits the last question; with text in the box it moves the caret, as ever", async ({ page }) => {
  await twoConversations(page);
  const { message } = composer(page);
  // The shortcuts' code comes once the page is up: pressed until it is there.
  const editor = page.getByRole("log").getByRole("textbox");
  await expect(async () => {
    // Once the editor is open, its box is a second one named as a message.
    if ((await editor.count()) === 0) await message.press("ArrowUp");
    await expect(editor).toBeVisible({ timeout: 250 });
  }).toPass();
  await expect(editor).toHaveValue(/^mock:echo beta/);
  await expect(editor).toBeFocused();
  await editor.press("Escape");
  await expect(editor).toHaveCount(0);

  await message.fill("first line\nsecond line");
  await message.press("ArrowUp");
  expect(await message.evaluate((box: HTMLTextAreaElement) => box.selectionStart)).toBeLessThanOrEqual("first line".length);
  await expect(editor).toHaveCount(0);
});
