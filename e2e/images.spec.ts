import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { savedChatsText } from "../lib/store/testing/saved-chats-text";
import { composer, drawnImage, expect, lastAnswer, mockRecordFor, pasteImage, test, textOf, uniqueTag, waitUntilDone } from "./support";

/** A JPEG's or PNG's size in pixels, from its header. */
function pixelSizeOf(bytes: Buffer): { width: number; height: number } {
  if (bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  // JPEG: walk the segments to a start of frame (SOF0 to SOF2).
  for (let offset = 2; offset < bytes.length; offset += 2 + bytes.readUInt16BE(offset + 2)) {
    const marker = bytes.readUInt16BE(offset);
    if (marker >= 0xffc0 && marker <= 0xffc2) return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
  }
  throw new Error("no image size found");
}

/** The ids of the images this browser keeps (IndexedDB), sorted. */
function storedImageIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const opened = indexedDB.open("streamchat-images");
        opened.onerror = () => reject(opened.error);
        opened.onsuccess = () => {
          const keys = opened.result.transaction("images").objectStore("images").getAllKeys();
          keys.onsuccess = () => resolve((keys.result as string[]).sort());
        };
      }),
  );
}

type SentPart = { type: "text"; text: string } | { type: "image_url"; image_url: { url: string } };

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(composer(page).message).toBeVisible();
});

test("a photo picked with the paperclip is shrunk to what a model reads, shown in the question, sent as an image, and still there after a reload", async ({ page }) => {
  const { message } = composer(page);
  const tag = uniqueTag();
  await message.fill(`mock:echo What is in this picture? ${tag}`);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach a file or an image" }).click();
  await (await chooser).setFiles({ name: "cat 猫.png", mimeType: "image/png", buffer: await drawnImage(page, 3000, 2000) });
  // In the box as a reference where the caret was, and shown small above it, to be taken out with a click.
  await expect(message).toHaveValue(new RegExp(`^mock:echo What is in this picture\\? ${tag}\\n\\n!\\[cat 猫\\.png\\]\\(streamchat-image:[a-z0-9]+-[0-9a-f]{8}\\)\\n$`));
  await expect(page.getByRole("list", { name: "Images" }).getByRole("img", { name: "cat 猫.png" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove image cat 猫.png" })).toBeVisible();
  // A screen reader hears it too.
  await expect(page.getByRole("status").filter({ hasText: "Image attached: cat 猫.png" })).toHaveCount(1);
  await message.press("Enter");

  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  expect(await textOf(answer)).toBe(`You said: mock:echo What is in this picture? ${tag} (1 messages, 1 image)`);
  const question = page.locator('article[data-role="user"]').last();
  await expect(question.getByRole("img", { name: "cat 猫.png" })).toBeVisible();
  await expect(question.locator('[data-part="content"]')).toHaveText(`mock:echo What is in this picture? ${tag}`);

  // The model got the text, then the image: a JPEG whose shorter side is 768 pixels (OpenAI's high detail reads no more).
  const sent = (await mockRecordFor(tag)).body.messages as Array<{ role: string; content: SentPart[] }>;
  expect(sent).toHaveLength(1);
  const [text, image] = sent[0]?.content ?? [];
  expect(text).toEqual({ type: "text", text: `mock:echo What is in this picture? ${tag}\n\n` });
  expect(image?.type).toBe("image_url");
  const url = image?.type === "image_url" ? image.image_url.url : "";
  expect(url.startsWith("data:image/jpeg;base64,")).toBe(true);
  expect(pixelSizeOf(Buffer.from(url.slice(url.indexOf(",") + 1), "base64"))).toEqual({ width: 1152, height: 768 });

  // Opened whole with a click; Escape closes it.
  await question.getByRole("button", { name: "Open image cat 猫.png" }).click();
  const opened = page.getByRole("dialog", { name: "cat 猫.png" });
  await expect(opened.getByRole("img", { name: "cat 猫.png" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(opened).toBeHidden();

  // Kept in this browser: after a reload the question shows it again, and the next turn sends it again.
  await page.reload();
  await expect(page.locator('article[data-role="user"]').last().getByRole("img", { name: "cat 猫.png" })).toBeVisible();
  const next = uniqueTag();
  await message.fill(`mock:echo And now? ${next}`);
  await message.press("Enter");
  await waitUntilDone(lastAnswer(page));
  const resent = (await mockRecordFor(next)).body.messages as Array<{ role: string; content: string | SentPart[] }>;
  expect(resent.map((turn) => (typeof turn.content === "string" ? "text" : turn.content.map((part) => part.type).join("+")))).toEqual(["text+image_url", "text", "text"]);
});

test("a screenshot pasted into the box is kept as it is (a small PNG), and taken out again with its button", async ({ page }) => {
  const { message } = composer(page);
  await message.fill("Before ");
  const png = await drawnImage(page, 400, 300);
  await pasteImage(message, "image.png", png);
  await expect(message).toHaveValue(/^Before \n\n!\[image\.png\]\(streamchat-image:[a-z0-9-]+\)\n$/);
  const stored = page.getByRole("list", { name: "Images" }).getByRole("img", { name: "image.png" });
  await expect(stored).toHaveAttribute("src", `data:image/png;base64,${png.toString("base64")}`);
  await page.getByRole("button", { name: "Remove image image.png" }).click();
  await expect(message).toHaveValue("Before \n\n");
  // The button went with its image: focus is back in the box, not lost.
  await expect(message).toBeFocused();
  await expect(page.getByRole("list", { name: "Images" })).toHaveCount(0);
});

test("editing a question shows its images too: one taken out there is not sent again, one pasted there is", async ({ page }) => {
  const { message } = composer(page);
  const tag = uniqueTag();
  await message.fill(`mock:echo Compare ${tag} `);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach a file or an image" }).click();
  await (await chooser).setFiles([
    { name: "left.png", mimeType: "image/png", buffer: await drawnImage(page, 120, 90) },
    { name: "right.png", mimeType: "image/png", buffer: await drawnImage(page, 90, 120) },
  ]);
  await expect(page.getByRole("list", { name: "Images" }).getByRole("img")).toHaveCount(2);
  await message.press("Enter");
  await waitUntilDone(lastAnswer(page));
  expect(await textOf(lastAnswer(page))).toBe(`You said: mock:echo Compare ${tag} (1 messages, 2 images)`);

  const question = page.locator('article[data-role="user"]').last();
  await question.getByRole("button", { name: "Edit" }).click();
  const editor = question.getByRole("textbox", { name: "Edit message" });
  await expect(question.getByRole("list", { name: "Images" }).getByRole("img")).toHaveCount(2);
  await question.getByRole("button", { name: "Remove image left.png" }).click();
  await expect(editor).not.toHaveValue(/left\.png/);
  // One pasted there goes in, as in the message box.
  const png = await drawnImage(page, 100, 100);
  await pasteImage(editor, "pasted.png", png);
  await expect(question.getByRole("list", { name: "Images" }).getByRole("img")).toHaveCount(2);
  await question.getByRole("button", { name: "Save and send" }).click();
  await waitUntilDone(lastAnswer(page));
  expect(await textOf(lastAnswer(page))).toBe(`You said: mock:echo Compare ${tag} (1 messages, 2 images)`);
  await expect(question.getByRole("img", { name: "right.png" })).toBeVisible();
  await expect(question.getByRole("img", { name: "pasted.png" })).toBeVisible();
  await expect(question.getByRole("img", { name: "left.png" })).toHaveCount(0);
});

test("a message takes as many images as a request may, 20; the box says which were not added", async ({ page }) => {
  const { message } = composer(page);
  const png = await drawnImage(page, 16, 16);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach a file or an image" }).click();
  await (await chooser).setFiles(Array.from({ length: 22 }, (_, index) => ({ name: `dot-${index}.png`, mimeType: "image/png", buffer: png })));
  await expect(page.getByRole("list", { name: "Images" }).getByRole("img")).toHaveCount(20);
  await expect(page.getByRole("alert").filter({ hasText: "dot-20.png" })).toHaveText(
    "“dot-20.png” was not added: a message can hold 20 images. “dot-21.png” was not added: a message can hold 20 images.",
  );
  expect((await message.inputValue()).match(/streamchat-image:/g)).toHaveLength(20);
});

test("an image nothing refers to any more is deleted from the browser when another is kept, once an hour old; a younger one, or one referred to, stays", async ({ page }) => {
  // The page's clock, so that two hours can pass at once (ids begin with the time an image was kept).
  await page.clock.install({ time: new Date("2026-12-05T08:00:00Z") });
  await page.goto("/");
  const { message } = composer(page);
  const idOf = async (name: string) => (await message.inputValue()).match(new RegExp(`\\[${name}\\]\\(streamchat-image:([^)]+)\\)`))?.[1];
  const png = await drawnImage(page, 32, 32);
  await pasteImage(message, "kept.png", png);
  await pasteImage(message, "dropped.png", png);
  await expect(page.getByRole("list", { name: "Images" }).getByRole("img")).toHaveCount(2);
  const kept = await idOf("kept.png");
  const dropped = await idOf("dropped.png");
  await page.getByRole("button", { name: "Remove image dropped.png" }).click();
  // Kept a moment ago, it may be in a draft another tab has not saved yet: another image kept now leaves it.
  await pasteImage(message, "young.png", png);
  await expect(page.getByRole("list", { name: "Images" }).getByRole("img")).toHaveCount(2);
  const young = await idOf("young.png");
  expect(await storedImageIds(page)).toEqual([kept, dropped, young].sort());

  await page.clock.fastForward("02:00:00");
  await pasteImage(message, "new.png", png);
  await expect(page.getByRole("list", { name: "Images" }).getByRole("img")).toHaveCount(3);
  const added = await idOf("new.png");
  expect(await storedImageIds(page)).toEqual([kept, young, added].sort());
});

test("deleting a conversation deletes its images from the browser, its draft's too, but not one another conversation's question refers to; Clear all deletes them all", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const sidebar = page.getByRole("navigation", { name: "Conversations" });
  const { message } = composer(page);
  const png = await drawnImage(page, 32, 32);
  const ask = async (text: string, imageName: string) => {
    await message.fill(text);
    await pasteImage(message, imageName, png);
    await expect(message).toHaveValue(new RegExp(`!\\[${imageName}\\]`));
    const reference = (await message.inputValue()).match(new RegExp(`!\\[${imageName.replace(".", "\\.")}\\]\\(streamchat-image:([^)]+)\\)`));
    await message.press("Enter");
    await waitUntilDone(lastAnswer(page));
    return { reference: reference?.[0] ?? "", id: reference?.[1] ?? "" };
  };
  const alpha = await ask(`mock:echo Alpha ${uniqueTag()}`, "alpha.png");
  await sidebar.getByRole("button", { name: "New chat" }).click();
  const beta = await ask(`mock:echo Beta, and alpha's again: ${alpha.reference} ${uniqueTag()}`, "beta.png");
  await sidebar.getByRole("button", { name: "New chat" }).click();
  const gamma = await ask(`mock:echo Gamma ${uniqueTag()}`, "gamma.png");
  // Gamma's unsent draft has an image of its own.
  await pasteImage(message, "draft.png", png);
  await expect(message).toHaveValue(/!\[draft\.png\]/);
  const draftId = /\(streamchat-image:([^)]+)\)/.exec(await message.inputValue())?.[1] ?? "";
  expect(await storedImageIds(page)).toEqual([alpha.id, beta.id, gamma.id, draftId].sort());

  const remove = async (title: RegExp) => {
    const row = sidebar.getByRole("listitem").filter({ has: page.getByRole("button", { name: title }) });
    await row.getByRole("button", { name: title }).hover();
    await row.getByRole("button", { name: /^Options for “/ }).click();
    await page.getByRole("menu").getByRole("menuitem", { name: "Delete" }).click();
    await expect(sidebar.getByRole("button", { name: title })).toHaveCount(0);
  };
  await remove(/^mock:echo Gamma/);
  await expect.poll(() => storedImageIds(page)).toEqual([alpha.id, beta.id].sort());
  // Beta's question refers to alpha's image too: it stays while beta is there.
  await remove(/^mock:echo Alpha/);
  await expect.poll(() => storedImageIds(page)).toEqual([alpha.id, beta.id].sort());
  await remove(/^mock:echo Beta/);
  await expect.poll(() => storedImageIds(page)).toEqual([]);

  // Clear all takes every image with every conversation.
  const delta = await ask(`mock:echo Delta ${uniqueTag()}`, "delta.png");
  expect(await storedImageIds(page)).toEqual([delta.id]);
  await sidebar.getByRole("button", { name: "Clear all conversations" }).click();
  await expect(sidebar.getByRole("listitem")).toHaveCount(0);
  await expect.poll(() => storedImageIds(page)).toEqual([]);
});

test("a backup's images stay when an image is kept right after restoring it, before the restored chats are saved", async ({ page }, testInfo) => {
  await page.clock.install({ time: new Date("2026-12-05T08:00:00Z") });
  await page.goto("/");
  // Kept three hours ago in another browser: older than the hour the sweep leaves alone.
  const restoredId = `${Date.parse("2026-12-05T05:00:00Z").toString(36)}-0a1b2c3d`;
  const png = await drawnImage(page, 32, 32);
  const saved = JSON.parse(savedChatsText([{ id: "photo", title: "A photo", questions: [`What is this?\n\n![old.png](streamchat-image:${restoredId})`], answer: "A cat." }])) as object;
  const backup = testInfo.outputPath("backup.json");
  writeFileSync(backup, JSON.stringify({ ...saved, images: { [restoredId]: `data:image/png;base64,${png.toString("base64")}` } }));

  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Conversation settings" });
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), dialog.getByRole("button", { name: "Restore a backup…" }).click()]);
  // From here no timer fires: the restored chats wait for their write to localStorage (at most once a second) until the end.
  await page.clock.pauseAt(new Date("2026-12-05T08:00:05Z"));
  await chooser.setFiles(backup);
  await expect(dialog.getByRole("region", { name: "All conversations" }).getByRole("status")).toHaveText("1 conversation added.");
  await dialog.getByRole("button", { name: "Done" }).click();
  expect(await page.evaluate(() => localStorage.getItem("streamchat") ?? "")).not.toContain(restoredId);
  const { message } = composer(page);
  await pasteImage(message, "new.png", png);
  // Its thumbnail waits for the clock (React reveals what was suspended on a timer); its reference does not.
  await expect(message).toHaveValue(/!\[new\.png\]/);
  expect(await storedImageIds(page)).toContain(restoredId);

  await page.clock.resume();
  await expect(page.getByRole("list", { name: "Images" }).getByRole("img", { name: "new.png" })).toBeVisible();
  await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: "A photo", exact: true }).click();
  await expect(page.locator('article[data-role="user"]').getByRole("img", { name: "old.png" })).toBeVisible();
});

test("a model that reads no images: the error says so and what to do, the question keeps its image, and one click asks again without it", async ({ page }) => {
  const { message } = composer(page);
  const tag = uniqueTag();
  await message.fill(`mock:text_only What is this? ${tag}`);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach a file or an image" }).click();
  await (await chooser).setFiles({ name: "chart.png", mimeType: "image/png", buffer: await drawnImage(page, 200, 100) });
  await expect(page.getByRole("list", { name: "Images" })).toBeVisible();
  await message.press("Enter");
  const answer = lastAnswer(page);
  await expect(answer.getByRole("alert")).toContainText("This model does not read images. Choose one that does in Settings, or edit the question to take the image out.");
  const question = page.locator('article[data-role="user"]').last();
  await expect(question.getByRole("img", { name: "chart.png" })).toBeVisible();

  await answer.getByRole("button", { name: "Ask without the images" }).click();
  await waitUntilDone(lastAnswer(page));
  await expect(lastAnswer(page).getByRole("alert")).toHaveCount(0);
  expect((await mockRecordFor(tag)).body.messages).toEqual([{ role: "user", content: `mock:text_only What is this? ${tag}` }]);
  await expect(question).toContainText(`What is this? ${tag}`);
  await expect(question.getByRole("img")).toHaveCount(0);
  // The question with its image is kept, as an edit keeps what it replaces.
  await question.getByRole("button", { name: "Previous version" }).click();
  await expect(question.getByRole("img", { name: "chart.png" })).toBeVisible();
});

test("a file that is not text, a document or an image, and an image this browser cannot open, are refused with why", async ({ page }) => {
  const { message } = composer(page);
  await message.fill("Look at these");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach a file or an image" }).click();
  const brokenPng = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
  await (await chooser).setFiles([
    { name: "photo.png", mimeType: "image/png", buffer: brokenPng },
    { name: "archive.zip", mimeType: "application/zip", buffer: zip },
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "photo.png" })).toHaveText(
    "“photo.png” could not be opened as an image (it may be damaged, or in a format this browser cannot read, such as HEIC): attach a PNG, JPEG, WebP or GIF. “archive.zip” is not text, a PDF, a Word document or an image: text (code, Markdown, CSV, logs), PDFs, Word documents (.docx) and images can be attached.",
  );
  await expect(message).toHaveValue("Look at these");
  // Typing again clears what was said.
  await message.press("End");
  await message.pressSequentially("!");
  await expect(page.getByRole("alert").filter({ hasText: "photo.png" })).toHaveCount(0);
});
