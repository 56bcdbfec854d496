import { pdfWithoutEmbeddedFont, pdfWithPassword, printedPdf, wordDocument } from "./document-files";
import type { FileChooser, Page } from "@playwright/test";
import { composer, expect, lastAnswer, mockRecordFor, test, uniqueTag, waitUntilDone } from "./support";

const source = "const 挨拶 = \"こんにちは 👋🏽\";\nconsole.log(挨拶);\n";

/** Picks these files with the paperclip, as a person does. */
async function attach(page: Page, files: Parameters<FileChooser["setFiles"]>[0]): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach a file or an image" }).click();
  await (await chooser).setFiles(files);
}

/** Sends what the box holds and gives what the model got as the last message. */
async function sendAndReadSent(page: Page, tag: string): Promise<string | undefined> {
  await composer(page).message.press("Enter");
  await waitUntilDone(lastAnswer(page));
  const sent = (await mockRecordFor(tag)).body.messages as Array<{ content: string }>;
  return sent.at(-1)?.content;
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(composer(page).message).toBeVisible();
});

test("a text file picked with the paperclip goes into the message as named, fenced code, and reaches the model exact", async ({ page }) => {
  const { message } = composer(page);
  const tag = uniqueTag();
  await message.fill(`mock:echo What does this do? ${tag}`);
  await attach(page, { name: "greet.ts", mimeType: "text/typescript", buffer: Buffer.from(source) });
  const expected = `mock:echo What does this do? ${tag}\n\ngreet.ts\n\`\`\`ts\n${source}\`\`\`\n`;
  // In the box, to be read and edited before it is sent.
  await expect(message).toHaveValue(expected);
  await expect(message).toBeFocused();
  expect(await sendAndReadSent(page, tag)).toBe(expected);
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
  // Dragged over the rest of the page, it would still be taken: still dashed.
  await message.evaluate((box) => box.dispatchEvent(new DragEvent("dragleave", { bubbles: true, relatedTarget: document.body })));
  await expect(frame).toHaveCSS("border-top-style", "dashed");
  // Dragged out of the page without a drop: as it was; dragged back: dashed again.
  await message.evaluate((box) => box.dispatchEvent(new DragEvent("dragleave", { bubbles: true, relatedTarget: null })));
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

test("a file dropped anywhere on the page goes into the message, and the browser does not open it in place of the chat", async ({ page }) => {
  const { message } = composer(page);
  await message.fill("Look:");
  const log = page.getByRole("log");
  const url = page.url();
  const taken = await log.evaluate((element, text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], "notes.txt", { type: "text/plain" }));
    element.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    const drop = new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true });
    element.dispatchEvent(drop);
    // Not prevented, the browser would navigate to the file.
    return drop.defaultPrevented;
  }, "dropped beside the box\n");
  expect(taken).toBe(true);
  await expect(message).toHaveValue("Look:\n\nnotes.txt\n```txt\ndropped beside the box\n```\n");
  expect(page.url()).toBe(url);
});

test("a file taken in while offline, before the code that reads files has come, goes in once the connection is back", async ({ page, context }) => {
  const { message } = composer(page);
  const failedChunks: string[] = [];
  page.on("requestfailed", (request) => request.url().includes("/_next/static/chunks/") && failedChunks.push(request.url()));
  await context.setOffline(true);
  await attach(page, { name: "offline.md", mimeType: "text/markdown", buffer: Buffer.from("# Written on a train\n") });
  await expect.poll(() => failedChunks.length).toBeGreaterThan(0);
  await expect(message).toHaveValue("");
  await context.setOffline(false);
  await expect(message).toHaveValue("offline.md\n```md\n# Written on a train\n```\n");
});

test("a PDF's text goes into the message under its name, page after page, CJK and emoji exact, and reaches the model as the box shows it", async ({ page }) => {
  const { message } = composer(page);
  const tag = uniqueTag();
  await message.fill(`mock:echo Summarize this. ${tag}`);
  // Chromium's PDFs map 日 to the Kangxi radical ⽇ (one glyph for both in Noto CJK): the box has 日.
  const pdf = await printedPdf(
    page,
    `<h1>Quarterly report</h1><p>Sales grew 12%.</p><p>日本の売上は 12% 増えました。</p><p>👋🏽 café, 서울 카페</p><p style="break-before: page">Page two.</p>`,
  );
  await attach(page, { name: "report.pdf", mimeType: "application/pdf", buffer: pdf });
  const expected = `mock:echo Summarize this. ${tag}\n\nreport.pdf\n\`\`\`\nQuarterly report\nSales grew 12%.\n日本の売上は 12% 増えました。\n👋🏽 café, 서울 카페\n\nPage two.\n\`\`\`\n`;
  await expect(message).toHaveValue(expected);
  await expect(message).toBeFocused();
  expect(await sendAndReadSent(page, tag)).toBe(expected);
});

test("a PDF with no text, one with a password and a damaged one are refused, each with what to do instead", async ({ page }) => {
  const { message } = composer(page);
  await message.fill("Read these");
  const scan = await printedPdf(page, `<div style="width: 200px; height: 120px; background: #345"></div>`);
  const damaged = Buffer.from("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Cat", "latin1");
  await attach(page, [
    { name: "scan.pdf", mimeType: "application/pdf", buffer: scan },
    { name: "locked.pdf", mimeType: "application/pdf", buffer: pdfWithPassword() },
    { name: "paper.pdf", mimeType: "application/pdf", buffer: damaged },
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "scan.pdf" })).toHaveText(
    "“scan.pdf” has no text to read (a scan?): attach its pages as images instead. " +
      "“locked.pdf” is protected by a password: attach a copy without one, or copy its text into the message. " +
      "“paper.pdf” could not be read: it may be damaged.",
  );
  await expect(message).toHaveValue("Read these");
});

test("a Word document's text goes into the message under its name, paragraphs a blank line apart, CJK and emoji exact, and reaches the model", async ({ page }) => {
  const { message } = composer(page);
  const tag = uniqueTag();
  await message.fill(`mock:echo Summarize the minutes. ${tag}`);
  const docx = await wordDocument(["Meeting minutes", "決定事項：来週リリースします 🚀", "서울 팀 & Tokyo <team>"], ["Owner", "Due"]);
  await attach(page, { name: "minutes.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx });
  const expected = `mock:echo Summarize the minutes. ${tag}\n\nminutes.docx\n\`\`\`\nMeeting minutes\n\n決定事項：来週リリースします 🚀\n\n서울 팀 & Tokyo <team>\n\nOwner\n\nDue\n\`\`\`\n`;
  await expect(message).toHaveValue(expected);
  expect(await sendAndReadSent(page, tag)).toBe(expected);
});

test("a Word document with a password, a damaged one and one with no text are refused, each with what to do instead", async ({ page }) => {
  const { message } = composer(page);
  await message.fill("Read these");
  const word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  // Word keeps a document with a password as an encrypted Compound File, not a zip.
  const locked = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  await attach(page, [
    { name: "locked.docx", mimeType: word, buffer: locked },
    { name: "broken.docx", mimeType: word, buffer: Buffer.from("PK\u0003\u0004 not really") },
    { name: "empty.docx", mimeType: word, buffer: await wordDocument([""], []) },
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "locked.docx" })).toHaveText(
    "“locked.docx” is protected by a password: attach a copy without one, or copy its text into the message. " +
      "“broken.docx” could not be read: it may be damaged. " +
      "“empty.docx” has no text to read (a scan?): attach its pages as images instead.",
  );
  await expect(message).toHaveValue("Read these");
});

test("a Japanese PDF whose font is not embedded is read through Adobe's character maps, which this server serves", async ({ page }) => {
  const { message } = composer(page);
  await attach(page, { name: "挨拶.pdf", mimeType: "application/pdf", buffer: pdfWithoutEmbeddedFont() });
  await expect(message).toHaveValue("挨拶.pdf\n```\nこんにちは、世界\n```\n");
});
