import type { Locator, Page } from "@playwright/test";
import { savedChatsText } from "../lib/store/testing/saved-chats-text";
import { version1SavedChat } from "../lib/store/testing/version-1-saved-chat";
import { documentAnswer } from "../mock/markdown-answer";
import { composer, contentOf, copiedText, expect, lastAnswer, mockRecordsFor, sendMessage, test, textOf, uniqueTag, waitUntilDone } from "./support";

const articles = (page: Page, role: "user" | "assistant") => page.getByRole("log").locator(`article[data-role="${role}"]`);

async function askAndWait(page: Page, text: string): Promise<void> {
  await sendMessage(page, text);
  await waitUntilDone(lastAnswer(page));
}

/** How far the conversation's scroller is from its bottom, in pixels. */
function distanceFromBottom(scroller: Locator): Promise<number> {
  return scroller.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
}

test.describe("with a conversation open", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/");
    await expect(composer(page).message).toBeVisible();
  });

  test("editing a question resends it, and the answers after it are replaced, kept as a branch that ‹ brings back", async ({ page }) => {
    const firstTag = uniqueTag();
    await askAndWait(page, `mock:echo first ${firstTag}`);
    await askAndWait(page, `mock:echo second ${uniqueTag()}`);
    await expect(articles(page, "assistant")).toHaveCount(2);

    await articles(page, "user").first().getByRole("button", { name: "Edit" }).click();
    const editor = page.getByRole("textbox", { name: "Edit message" });
    await expect(editor).toHaveValue(`mock:echo first ${firstTag}`);
    const editedTag = uniqueTag();
    await editor.fill(`mock:echo edited ${editedTag}`);
    await page.getByRole("button", { name: "Save and send" }).click();

    await waitUntilDone(lastAnswer(page));
    await expect(articles(page, "user")).toHaveCount(1);
    await expect(articles(page, "assistant")).toHaveCount(1);
    await expect(contentOf(lastAnswer(page))).toHaveText(`You said: mock:echo edited ${editedTag} (1 messages)`);
    const [record] = await mockRecordsFor(editedTag);
    expect(record?.body.messages).toEqual([{ role: "user", content: `mock:echo edited ${editedTag}` }]);

    // The question as it was, and both exchanges after it, are one click away, after a reload too.
    const versions = articles(page, "user").first().getByRole("group", { name: "Versions" });
    await expect(versions).toContainText("2 / 2");
    await versions.getByRole("button", { name: "Previous version" }).click();
    await expect(versions).toContainText("1 / 2");
    await expect(articles(page, "user")).toHaveCount(2);
    await expect(articles(page, "user").first()).toContainText(`mock:echo first ${firstTag}`);
    await expect(articles(page, "assistant")).toHaveCount(2);
    await page.reload();
    await expect(articles(page, "user")).toHaveCount(2);
    await articles(page, "user").first().getByRole("group", { name: "Versions" }).getByRole("button", { name: "Next version" }).click();
    await expect(articles(page, "user")).toHaveCount(1);
    await expect(contentOf(lastAnswer(page))).toHaveText(`You said: mock:echo edited ${editedTag} (1 messages)`);
  });

  test("Escape in the editor keeps the question as it was", async ({ page }) => {
    const tag = uniqueTag();
    await askAndWait(page, `mock:echo keep ${tag}`);
    await articles(page, "user").first().getByRole("button", { name: "Edit" }).click();
    const editor = page.getByRole("textbox", { name: "Edit message" });
    await editor.fill("something else");
    await editor.press("Escape");
    await expect(editor).toBeHidden();
    await expect(articles(page, "user").first()).toContainText(`mock:echo keep ${tag}`);
    expect(await mockRecordsFor(tag)).toHaveLength(1);
  });

  test("Regenerate asks again with the same conversation and replaces the last answer", async ({ page }) => {
    const tag = uniqueTag();
    await askAndWait(page, `mock:echo once more ${tag}`);
    await lastAnswer(page).getByRole("button", { name: "Regenerate" }).click();
    await expect.poll(async () => (await mockRecordsFor(tag)).length).toBe(2);
    await waitUntilDone(lastAnswer(page));
    await expect(articles(page, "assistant")).toHaveCount(1);
    const [first, second] = await mockRecordsFor(tag);
    // The old answer is not sent back: the model is asked the same question afresh.
    expect(second?.body.messages).toEqual(first?.body.messages);
    await expect(contentOf(lastAnswer(page))).toHaveText(`You said: mock:echo once more ${tag} (1 messages)`);
  });

  test("Regenerate with another model: the answer is written again by it, the first kept as a version, and the conversation goes on with it", async ({ page }) => {
    const tag = uniqueTag();
    await askAndWait(page, `mock:echo which model ${tag}`);
    const metrics = () => lastAnswer(page).locator("p").filter({ hasText: /first token/ });
    await expect(metrics()).toHaveText(/^mock-model · /);
    await lastAnswer(page).getByRole("combobox", { name: "Regenerate with another model" }).selectOption("mock-reasoner");
    await expect.poll(async () => (await mockRecordsFor(tag)).length).toBe(2);
    await waitUntilDone(lastAnswer(page));
    const [first, second] = await mockRecordsFor(tag);
    expect(second?.body.model).toBe("mock-reasoner");
    expect(second?.body.messages).toEqual(first?.body.messages);
    // Under the answer, the model that wrote it; the first answer is a version to go back to.
    await expect(metrics()).toHaveText(/^mock-reasoner · /);
    await expect(lastAnswer(page).getByRole("group", { name: "Versions" })).toContainText("2 / 2");
    // The next question goes to it too.
    const next = uniqueTag();
    await askAndWait(page, `mock:echo and next ${next}`);
    expect((await mockRecordsFor(next))[0]?.body.model).toBe("mock-reasoner");
  });

  test("Read aloud reads the answer as shown, not its Markdown, in its language; pressed again, or at the end, it stops", async ({ page }) => {
    // The browser's speech synthesis, recorded: what it was asked to say, and in which language.
    await page.addInitScript(() => {
      const queue: SpeechSynthesisUtterance[] = [];
      const spoken: Array<{ text: string; lang: string }> = [];
      const synthesis = {
        speak: (utterance: SpeechSynthesisUtterance) => {
          spoken.push({ text: utterance.text, lang: utterance.lang });
          queue.push(utterance);
        },
        cancel: () => queue.splice(0).forEach((utterance) => utterance.onerror?.(new Event("error") as SpeechSynthesisErrorEvent)),
      };
      Object.defineProperty(window, "speechSynthesis", { value: synthesis, configurable: true });
      Object.assign(window, { spoken, finishSpeaking: () => queue.splice(0).forEach((utterance) => utterance.onend?.(new Event("end") as SpeechSynthesisEvent)) });
    });
    await page.reload();
    await askAndWait(page, `mock:markdown ${uniqueTag()}`);
    const readAloud = lastAnswer(page).getByRole("button", { name: "Read aloud" });
    await readAloud.click();
    const stop = lastAnswer(page).getByRole("button", { name: "Stop reading" });
    await expect(stop).toHaveAttribute("aria-pressed", "true");
    const spoken = await page.evaluate(() => (window as unknown as { spoken: Array<{ text: string; lang: string }> }).spoken);
    expect(spoken.length).toBeGreaterThan(3);
    expect(spoken.every(({ lang }) => lang === "en")).toBe(true);
    // The text as shown, a paragraph, item or row at a time; not the Markdown's marks, not the code block.
    const said = spoken.map(({ text }) => text);
    expect(said.slice(0, 4)).toEqual(["Retry with backoff", "Use exponential backoff so a struggling server can recover:", "Try the request.", "On a 429, wait and try again."]);
    expect(said).toContain("Attempt\tWait (ms)");
    expect(said.at(-1)).toBe("That's all: 日本語 and emoji 🎉 too.");
    expect(said.some((text) => /\*\*|^#|\| ---|retry<T>|^Copy$/.test(text))).toBe(false);
    // Shown again as it was.
    await expect(lastAnswer(page).getByRole("button", { name: "Copy code" })).toBeVisible();
    // Pressed again: it stops.
    await stop.click();
    await expect(readAloud).toHaveAttribute("aria-pressed", "false");
    // Read to its end: the button says so by itself.
    await readAloud.click();
    await expect(stop).toBeVisible();
    await page.evaluate(() => (window as unknown as { finishSpeaking: () => void }).finishSpeaking());
    await expect(readAloud).toBeVisible();
  });

  test("Regenerate keeps the answers it replaces: ‹ and › show them again, Copy takes the one shown, and a reload keeps them", async ({ page }) => {
    const tag = uniqueTag();
    await askAndWait(page, `mock:echo numbered=1 ${tag}`);
    const first = await textOf(lastAnswer(page));
    const versions = () => lastAnswer(page).getByRole("group", { name: "Versions" });
    await expect(versions()).toHaveCount(0);
    for (const count of [2, 3]) {
      await lastAnswer(page).getByRole("button", { name: "Regenerate" }).click();
      await expect.poll(async () => (await mockRecordsFor(tag)).length).toBe(count);
      await waitUntilDone(lastAnswer(page));
      await expect(versions()).toContainText(`${count} / ${count}`);
    }
    const third = await textOf(lastAnswer(page));
    expect(third).not.toBe(first);
    await expect(versions().getByRole("button", { name: "Next version" })).toBeDisabled();

    await versions().getByRole("button", { name: "Previous version" }).click();
    await versions().getByRole("button", { name: "Previous version" }).click();
    await expect(versions()).toContainText("1 / 3");
    await expect(contentOf(lastAnswer(page))).toHaveText(first);
    await expect(versions().getByRole("button", { name: "Previous version" })).toBeDisabled();
    expect(await copiedText(lastAnswer(page))).toBe(first);
    await expect(articles(page, "assistant")).toHaveCount(1);

    await page.reload();
    await expect(versions()).toContainText("1 / 3");
    await expect(contentOf(lastAnswer(page))).toHaveText(first);
    await versions().getByRole("button", { name: "Next version" }).click();
    await versions().getByRole("button", { name: "Next version" }).click();
    await expect(contentOf(lastAnswer(page))).toHaveText(third);
  });

  test("the view follows the answer at the bottom, stops the moment the reader scrolls up, and Jump to latest brings it back", async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 900, height: 600 });
    // Long enough to still be growing on a loaded machine; Stop ends it at the end of the test.
    await sendMessage(page, `mock:paced tokens=5000 interval=8 ${uniqueTag()}`);
    const answer = lastAnswer(page);
    const scroller = page.getByRole("log").locator("..");
    await expect(contentOf(answer)).toContainText("Token 200.");
    expect(await scroller.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    // Following: back at the bottom once the frame that added text is laid out (a read between a
    // commit and that frame sees the new text below, on a loaded machine several lines of it).
    await expect.poll(() => distanceFromBottom(scroller)).toBeLessThan(40);

    await scroller.hover();
    await page.mouse.wheel(0, -250);
    const jump = page.getByRole("button", { name: "Jump to latest" });
    await expect(jump).toBeVisible();
    const heldAt = await scroller.evaluate((element) => element.scrollTop);
    const heightThen = await scroller.evaluate((element) => element.scrollHeight);
    await expect.poll(() => scroller.evaluate((element) => element.scrollHeight)).toBeGreaterThan(heightThen + 100);
    // The text grew below the reader, and the reader's place did not move.
    expect(Math.abs((await scroller.evaluate((element) => element.scrollTop)) - heldAt)).toBeLessThanOrEqual(1);

    await jump.click();
    await expect(jump).toBeHidden();
    const heightAtJump = await scroller.evaluate((element) => element.scrollHeight);
    await expect.poll(() => scroller.evaluate((element) => element.scrollHeight)).toBeGreaterThan(heightAtJump + 100);
    await expect.poll(() => distanceFromBottom(scroller)).toBeLessThan(40);
    await composer(page).stop.click();
  });
});

test.describe("saved chats from before", () => {
  test("a version 1 saved chat is migrated: its messages are there, the answer cut off by a reload is marked stopped", async ({ page }) => {
    await page.addInitScript((saved) => {
      if (!localStorage.getItem("migrated-once")) {
        localStorage.setItem("streamchat", saved);
        localStorage.setItem("migrated-once", "1");
      }
    }, JSON.stringify(version1SavedChat));
    await page.goto("/");
    await expect(contentOf(articles(page, "user").first())).toHaveText("Hello from version 1");
    await expect(articles(page, "user")).toHaveCount(1);
    await expect(lastAnswer(page)).toHaveAttribute("data-status", "stopped");
    await expect(contentOf(lastAnswer(page))).toHaveText("Half an ans");
    await expect(composer(page).streamSwitch).not.toBeChecked();
    await expect(page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: "Hello from version 1", exact: true })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "could not be read" })).toHaveCount(0);

    // The migrated conversation goes on like any other, and is saved in the new shape.
    await composer(page).streamSwitch.click();
    const tag = uniqueTag();
    await askAndWait(page, `mock:echo after migration ${tag}`);
    const [record] = await mockRecordsFor(tag);
    expect(record?.body.messages).toHaveLength(3);
    await page.reload();
    await expect(articles(page, "assistant")).toHaveCount(2);
  });

  test("a saved chat that cannot be read starts afresh with a notice, never a blank page", async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem("broken-once")) {
        localStorage.setItem("streamchat", '{"state": {"conversations": 42}, "version": 2');
        sessionStorage.setItem("broken-once", "1");
      }
    });
    await page.goto("/");
    const notice = page.getByRole("status").filter({ hasText: "could not be read" });
    await expect(notice).toBeVisible();
    await askAndWait(page, `Still works ${uniqueTag()}`);
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toBeHidden();
  });
});

test.describe("saved chats when the browser has no room left", () => {
  test("the page says so, and once there is room again the next change is saved and the notice goes", async ({ page }) => {
    await page.goto("/");
    await askAndWait(page, `mock:echo first ${uniqueTag()}`);
    // The rest of this origin's storage taken, as years of other saved data would take it.
    await page.evaluate(() => {
      for (let size = 1 << 20; size >= 16; size >>= 1) {
        for (let index = 0; ; index++) {
          try {
            localStorage.setItem(`filler-${size}-${index}`, "x".repeat(size));
          } catch {
            break;
          }
        }
      }
    });
    await askAndWait(page, `mock:echo second ${uniqueTag()}`);
    const notice = page.getByRole("status").filter({ hasText: "no room left to save your conversations" });
    await expect(notice).toBeVisible();

    // Room again (a person would delete old conversations; here the filler goes).
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith("filler-")) localStorage.removeItem(key);
    });
    await askAndWait(page, `mock:echo third ${uniqueTag()}`);
    await expect(notice).toBeHidden();
    await page.reload();
    await expect(articles(page, "assistant")).toHaveCount(3);
  });
});

test.describe("a long saved conversation", () => {
  /** Twenty questions, each answered by an 8,000-character markdown document (headings, lists, code). */
  const longConversation = () =>
    savedChatsText([{ id: "long", title: "Long", questions: Array.from({ length: 20 }, (_, index) => `Question ${index}`), answer: documentAnswer(8_000) }]);

  test("opens at its end, and every answer in it ends formatted, the ones far above the view too, and reads the same scrolled to the top", async ({ page }) => {
    await page.addInitScript((saved) => {
      if (!sessionStorage.getItem("seeded-once")) {
        localStorage.setItem("streamchat", saved);
        sessionStorage.setItem("seeded-once", "1");
      }
    }, longConversation());
    await page.goto("/");
    const answers = articles(page, "assistant");
    await expect(answers).toHaveCount(20);
    // At its end: the last answer's last words in view.
    await expect(answers.last().getByText("That is the whole answer.")).toBeInViewport();
    await expect.poll(() => distanceFromBottom(page.getByRole("log").locator(".."))).toBeLessThan(40);
    // Formatted: headings, not "## " as written. Those far above the view are formatted while the page is idle.
    const section = (answer: Locator) => answer.getByRole("heading", { name: "1. Reading a stream without buffering" });
    await expect(section(answers.last())).toBeVisible();
    await expect.poll(() => page.getByRole("log").evaluate((log) => [...log.querySelectorAll('[data-part="content"]')].filter((content) => content.textContent?.includes("## ")).length)).toBe(0);
    await expect(page.getByRole("log").getByRole("heading", { name: "1. Reading a stream without buffering" })).toHaveCount(20);

    await articles(page, "user").first().scrollIntoViewIfNeeded();
    await expect(articles(page, "user").first()).toBeInViewport();
    await expect(section(answers.first())).toBeInViewport();
  });
});
