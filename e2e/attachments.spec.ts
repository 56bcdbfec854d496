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
  await page.getByRole("button", { name: "Attach a file or an image" }).click();
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

test("a file dropped on the message box goes in where the caret is", async ({ page }) => {
  const { message } = composer(page);
  await message.fill("Before\nAfter");
  await message.evaluate((box: HTMLTextAreaElement) => box.setSelectionRange(7, 7));
  // The box around the text: dashed while files are dragged over it, to say it takes them.
  const frame = message.locator("..");
  await expect(frame).toHaveCSS("border-top-style", "solid");
  await message.evaluate((box, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "notes.md", { type: "text/markdown" }));
    box.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    (window as unknown as { dropNotes: () => void }).dropNotes = () => box.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, "# Notes\n");
  await expect(frame).toHaveCSS("border-top-style", "dashed");
  // Dragged away without a drop: as it was; dragged back: dashed again.
  await message.evaluate((box) => box.dispatchEvent(new DragEvent("dragleave", { bubbles: true, relatedTarget: document.body })));
  await expect(frame).toHaveCSS("border-top-style", "solid");
  await message.evaluate((box) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["x"], "x.txt", { type: "text/plain" }));
    box.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(frame).toHaveCSS("border-top-style", "dashed");
  await message.evaluate(() => (window as unknown as { dropNotes: () => void }).dropNotes());
  await expect(message).toHaveValue("Before\n\nnotes.md\n```md\n# Notes\n```\nAfter");
  await expect(frame).toHaveCSS("border-top-style", "solid");
});
