import { markdownAnswer, markdownCode, mathAnswer, mathFormulas, xssAnswer } from "../mock/markdown-texts";
import { documentAnswer, documentAnswerEnd } from "../mock/markdown-answer";
import { contentOf, copiedText, expect, lastAnswer, sendMessage, test, uniqueTag, waitUntilDone } from "./support";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

test("a markdown answer shows a heading, a list, a table and a highlighted code block", async ({ page }) => {
  await sendMessage(page, `mock:markdown interval=5 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  const content = contentOf(answer);
  await waitUntilDone(answer);

  await expect(content.getByRole("heading", { level: 2, name: "Retry with backoff" })).toBeVisible();
  await expect(content.locator("strong")).toHaveText("exponential backoff");
  await expect(content.locator("ol > li")).toHaveCount(2);
  await expect(content.locator("ol ul > li")).toHaveText(["double the wait each time", "stop after a few attempts"]);
  const table = content.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Attempt", "Wait (ms)"]);
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(content.locator("blockquote")).toContainText("Retries multiply the load");

  const code = content.locator("pre code");
  await expect(code).toHaveAttribute("data-language", "ts");
  // Highlighting arrives after its chunk loads: token spans, coloured, and the same text.
  await expect(code).toHaveAttribute("data-highlighted", "");
  await expect(code.locator(".hljs-keyword").first()).toBeVisible();
  await expect(code.locator(".hljs-comment")).toHaveCount(2);
  expect(await code.textContent()).toBe(markdownCode);
  const keywordColour = await code.locator(".hljs-keyword").first().evaluate((element) => getComputedStyle(element).color);
  const plainColour = await code.evaluate((element) => getComputedStyle(element).color);
  expect(keywordColour).not.toBe(plainColour);
});

test("Copy code copies the code exactly, and Copy answer the markdown exactly", async ({ page }) => {
  await sendMessage(page, `mock:markdown interval=2 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  expect(await copiedText(answer, "Copy code")).toBe(markdownCode);
  expect(await copiedText(answer)).toBe(markdownAnswer);
});

test("a code block is plain while it is being written and highlighted once it is finished", async ({ page }) => {
  await page.evaluate(() => {
    // Record, inside the page, whether a highlighted block ever shows before the fence closed.
    const record = { highlightedWhileOpen: false, plainSeen: false };
    (window as unknown as { codeRecord: typeof record }).codeRecord = record;
    new MutationObserver(() => {
      const answer = document.querySelector('article[data-role="assistant"]:last-of-type');
      const code = answer?.querySelector("pre code");
      if (!code || answer?.getAttribute("data-status") !== "streaming") return;
      // The fence has closed once a block follows the code block.
      const fenceClosed = !!code.closest('[data-part="content"] > *')?.nextElementSibling;
      if (code.hasAttribute("data-highlighted") && !fenceClosed) record.highlightedWhileOpen = true;
      if (!code.hasAttribute("data-highlighted")) record.plainSeen = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await sendMessage(page, `mock:markdown size=2 interval=15 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await expect(contentOf(answer).locator("pre code")).toHaveAttribute("data-highlighted", "");
  const record = await page.evaluate(() => (window as unknown as { codeRecord: { highlightedWhileOpen: boolean; plainSeen: boolean } }).codeRecord);
  expect(record).toEqual({ highlightedWhileOpen: false, plainSeen: true });
});

test("formulas are typeset from their exact source, with MathML for screen readers; prices and code stay text", async ({ page }) => {
  await sendMessage(page, `mock:math interval=3 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  const content = contentOf(answer);
  await waitUntilDone(answer);

  const formulas = content.locator(".math-formula");
  await expect(content.locator('.math-formula[data-state="typeset"]')).toHaveCount(mathFormulas.length);
  expect(await content.locator('annotation[encoding="application/x-tex"]').allTextContents()).toEqual(mathFormulas);
  // \( \) and $ $ in a line; \[ \] and $$ on lines of their own displayed.
  expect(await formulas.evaluateAll((elements) => elements.map((element) => element.querySelector(".katex-display") !== null))).toEqual([false, false, true, true, false, false, true, false, false, false]);
  await expect(content.locator(".katex-error")).toHaveCount(0);
  await expect(content.locator("math")).toHaveCount(mathFormulas.length);
  await expect(content).toContainText("A price is not a formula: $5 or $10");
  await expect(content.locator("code", { hasText: "\\(code\\)" })).toBeVisible();
  await expect(content).toContainText("円の面積は");

  // KaTeX's styles and fonts arrived with it, from this server (the CSP allows no other).
  expect(await content.locator(".katex").first().evaluate((element) => getComputedStyle(element).fontFamily)).toContain("KaTeX_Main");
  expect(await page.evaluate(async () => (await document.fonts.load("16px KaTeX_Main")).map((font) => font.status))).toContain("loaded");
  expect(await copiedText(answer)).toBe(mathAnswer);

  // A selection copied with the keyboard gives the formulas' TeX, not KaTeX's glyphs.
  const paragraph = content.locator("p", { hasText: "with" }).first();
  await paragraph.evaluate((element) => {
    window.getSelection()?.selectAllChildren(element);
    window.addEventListener("copy", (event) => ((window as unknown as { copied?: string }).copied = event.clipboardData?.getData("text/plain")), { once: true });
  });
  await page.keyboard.press("ControlOrMeta+C");
  await expect.poll(() => page.evaluate(() => (window as unknown as { copied?: string }).copied)).toBe(`For $${mathFormulas[0]}$ with $${mathFormulas[1]}$:`);
});

test("a formula KaTeX cannot typeset (nested thousands deep) shows as its source in red, and the formulas after it are typeset", async ({ page }) => {
  const nested = `${"x^{".repeat(4000)}${"}".repeat(4000)}`;
  await sendMessage(page, `mock:echo first=0 interval=0 burst=100000 \\(${nested}\\) then \\(a+b\\) ${uniqueTag()}`);
  const answer = lastAnswer(page);
  const content = contentOf(answer);
  await waitUntilDone(answer);
  await expect(content.locator('.math-formula[data-state="typeset"]')).toHaveCount(2);
  const unreadable = content.locator(".math-formula").first().locator(".katex-error");
  await expect(unreadable).toHaveText(nested);
  await expect(unreadable).toHaveAttribute("title", /could not be typeset/);
  expect(await content.locator('annotation[encoding="application/x-tex"]').allTextContents()).toEqual(["a+b"]);
});

test("a displayed formula shows its source while it is being written, and is typeset once its end has come", async ({ page }) => {
  await page.evaluate(() => {
    const record = { typesetWhileOpen: false, sourceSeen: false };
    (window as unknown as { mathRecord: typeof record }).mathRecord = record;
    new MutationObserver(() => {
      const answer = document.querySelector('article[data-role="assistant"]:last-of-type');
      if (answer?.getAttribute("data-status") !== "streaming") return;
      for (const formula of answer.querySelectorAll(".math-formula.block")) {
        // A displayed formula's end has come once a block follows the one it is in.
        const closed = !!formula.closest('[data-part="content"] > *')?.nextElementSibling;
        if (formula.getAttribute("data-state") === "typeset" && !closed) record.typesetWhileOpen = true;
        if (formula.getAttribute("data-state") === "source" && !closed) record.sourceSeen = true;
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await sendMessage(page, `mock:math size=2 interval=15 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await expect(contentOf(answer).locator('.math-formula[data-state="typeset"]')).toHaveCount(mathFormulas.length);
  const record = await page.evaluate(() => (window as unknown as { mathRecord: { typesetWhileOpen: boolean; sourceSeen: boolean } }).mathRecord);
  expect(record).toEqual({ typesetWhileOpen: false, sourceSeen: true });
});

test("an answer stopped in the middle of a displayed formula ends with its source in a code block, not half a formula", async ({ page }) => {
  await sendMessage(page, `mock:math size=1 interval=40 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  const content = contentOf(answer);
  // The first displayed formula has begun (\[ and part of its first line): it shows as its source.
  await expect(content.locator('.math-formula.block[data-state="source"]')).toHaveCount(1);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(answer).toHaveAttribute("data-status", "stopped");
  const code = content.locator("pre code").last();
  await expect(code).toHaveAttribute("data-language", "tex");
  // The formula as written up to the Stop, its delimiter included.
  const source = (await code.textContent()) ?? "";
  expect(source.startsWith("\\[")).toBe(true);
  expect(`\\[\n${mathFormulas[2]}`.startsWith(source)).toBe(true);
  await expect(content.locator(".math-formula.block")).toHaveCount(0);
  await expect(content.locator(".katex-error")).toHaveCount(0);
});

test("injection attempts in a streamed answer stay text: nothing runs, nothing loads, no link is javascript:", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const requestedUrls: string[] = [];
  page.on("request", (request) => requestedUrls.push(request.url()));

  await sendMessage(page, `mock:xss size=3 interval=3 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  const content = contentOf(answer);
  await waitUntilDone(answer);
  await expect(content).toContainText("The end.");
  // KaTeX has typeset the formula that asks for a link, a class and a style: it made none of them.
  await expect(content.locator('.math-formula[data-state="typeset"]')).toHaveCount(1);
  await expect(content.locator(".evil, [style*='position']")).toHaveCount(0);
  // Give any handler that could have been attached (onerror, onload, ontoggle) time to fire.
  await page.waitForTimeout(300);

  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  await expect(content.locator("script, img, svg, iframe, details, object, embed, style")).toHaveCount(0);
  expect(requestedUrls.filter((url) => url.includes("evil.example") || url.startsWith("javascript:"))).toEqual([]);

  // The HTML is there to read, as text.
  await expect(content).toContainText(`<script>window.__xss = "script"; alert("script")</script>`);
  await expect(content).toContainText(`<img src=x onerror="window.__xss = 'img'; alert('img')">`);
  await expect(content).toContainText(`<iframe src="javascript:parent.__xss = 'iframe'"></iframe>`);
  await expect(content).toContainText(`<details open ontoggle="window.__xss = 'list'">x</details>`);

  // Unsafe links are their text only; every remaining link is http(s) and opens apart from this page.
  for (const text of ["win a prize", "or this", "or this one", "or data", "raw link"]) await expect(content).toContainText(text);
  const links = await content.locator("a").evaluateAll((anchors) =>
    anchors.map((anchor) => ({ href: anchor.getAttribute("href") ?? "", title: anchor.getAttribute("title"), target: anchor.getAttribute("target"), rel: anchor.getAttribute("rel"), text: anchor.textContent })),
  );
  expect(links).toEqual([
    { href: "https://evil.example/phish", title: "https://evil.example/phish", target: "_blank", rel: "noopener noreferrer nofollow", text: "https://bank.example/login" },
    { href: "https://evil.example/pixel.png?q=secret", title: "https://evil.example/pixel.png?q=secret", target: "_blank", rel: "noopener noreferrer nofollow", text: "Image: a chart" },
  ]);

  // And the answer's own text is kept exactly, for copying.
  expect(await copiedText(answer)).toBe(xssAnswer);
});

test("a long answer: finished blocks are parsed once, only the growing block again on each render", async ({ page }) => {
  // Some seconds of tokens; on a loaded machine the page may take much longer to take them in.
  test.setTimeout(90_000);
  const parsesNow = () => page.evaluate(() => window.__streamchatRenderCounts?.get("markdown-block") ?? 0);
  const before = await parsesNow();
  await sendMessage(page, `mock:long length=12000 size=4 interval=4 burst=2 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  await expect(answer).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  const parses = (await parsesNow()) - before;
  const messageId = (await answer.getAttribute("data-message-id")) ?? "";
  const renders = await page.evaluate((id) => window.__streamchatRenderCounts?.get(id) ?? 0, messageId);
  const blocks = await contentOf(answer).evaluate((content) => content.children.length);

  // Each render of the answer parses the block being written (once per new text); each
  // finished block is parsed once (identical blocks once in all). Parsing every block
  // on every render would be some blocks × renders / 2.
  expect(blocks).toBeGreaterThan(50);
  expect(renders).toBeGreaterThan(10);
  expect(parses).toBeGreaterThan(10);
  expect(parses).toBeLessThanOrEqual(renders + 2 * blocks);
});

test("a long answer at full speed (a burst, shown in steps) ends whole and formatted: every section, every code block, the last line", async ({ page }) => {
  test.setTimeout(90_000);
  const source = documentAnswer(12_000);
  const sections = source.match(/^## .*$/gm) ?? [];
  const codeBlocks = (source.match(/^```/gm) ?? []).length / 2;
  await sendMessage(page, `mock:document chars=12000 size=4 first=0 interval=0 burst=1000000 ${uniqueTag()}`);
  const answer = lastAnswer(page);
  const content = contentOf(answer);
  await expect(answer).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(content).toContainText(documentAnswerEnd);
  // Blocks shown as written during the burst are all formatted in the frames after it.
  await expect(content.getByRole("heading", { level: 2 })).toHaveText(sections.map((heading) => heading.slice(3)), { timeout: 20_000 });
  await expect(content.locator("pre code")).toHaveCount(codeBlocks);
  expect(await copiedText(answer)).toBe(source);
});
