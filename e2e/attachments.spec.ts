import { composer, expect, lastAnswer, mockRecordFor, test, uniqueTag, waitUntilDone } from "./support";

const source = "const 挨拶 = \"こんにちは 👋🏽\";\nconsole.log(挨拶);\n";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(composer(page).message).toBeVisible();
});

test("a text file picked with the paperclip goes into the message as named, fenced code, and reaches the model exact", async ({ page }) => {
  const { message } = composer(page);
  const tag = uniqueTag();
  await message.fill(`mock:echo What does this do? ${tag}`);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach a text file" }).click();
  await (await chooser).setFiles({ name: "greet.ts", mimeType: "text/typescript", buffer: Buffer.from(source) });
  const expected = `mock:echo What does this do? ${tag}\n\ngreet.ts\n\`\`\`ts\n${source}\`\`\`\n`;
  // In the box, to be read and edited before it is sent.
  await expect(message).toHaveValue(expected);
  await expect(message).toBeFocused();
  await message.press("Enter");
  await waitUntilDone(lastAnswer(page));
  const sent = (await mockRecordFor(tag)).body.messages as Array<{ content: string }>;
  expect(sent.at(-1)?.content).toBe(expected);
});

test("a file that is not text is refused with a reason, and the box keeps what was typed", async ({ page }) => {
  const { message } = composer(page);
  await message.fill("Look at this");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach a text file" }).click();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  await (await chooser).setFiles({ name: "photo.png", mimeType: "image/png", buffer: png });
  // Next's route announcer is an alert too.
  const said = page.getByRole("alert").filter({ hasText: "photo.png" });
  await expect(said).toHaveText("“photo.png” is not a text file: only text (code, Markdown, CSV, logs) can be attached.");
  await expect(message).toHaveValue("Look at this");
  // Typing again clears what was said.
  await message.press("End");
  await message.pressSequentially("!");
  await expect(said).toHaveCount(0);
});

test("a file dropped on the message box goes in where the caret is", async ({ page }) => {
  const { message } = composer(page);
  await message.fill("Before\nAfter");
  await message.evaluate((box: HTMLTextAreaElement) => box.setSelectionRange(7, 7));
  await message.evaluate((box, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "notes.md", { type: "text/markdown" }));
    box.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    box.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, "# Notes\n");
  await expect(message).toHaveValue("Before\n\nnotes.md\n```md\n# Notes\n```\nAfter");
});
