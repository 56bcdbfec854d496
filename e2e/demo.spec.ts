import { composer, contentOf, expect, lastAnswer, sendMessage, test, textOf, waitUntilDone } from "./support";

test("with no key, the offline demo model answers and the page says so", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("note")).toContainText("offline demo model");
  await sendMessage(page, "What is streaming?");
  const answer = lastAnswer(page);
  // Stop first: on a loaded machine the whole answer (3.5 s) may be over by the time its first words are checked.
  await expect(composer(page).stop).toBeVisible();
  await expect(contentOf(answer)).toContainText("What streaming changes");
  await waitUntilDone(answer);
  await expect(answer).toHaveAttribute("data-status", "done");
  expect(await textOf(answer)).toContain("日本語も한국어도 emoji 🎉 too.");
});
