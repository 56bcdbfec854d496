import { composer, contentOf, drawnImage, expect, lastAnswer, sendMessage, test, textOf, waitUntilDone } from "./support";

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

test("asked about an image, the demo model says it cannot see images, and how to use a model that can", async ({ page }) => {
  await page.goto("/");
  const { message } = composer(page);
  await message.fill("この画像は何ですか？");
  const png = await drawnImage(page, 64, 48);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach a file or an image" }).click();
  await (await chooser).setFiles({ name: "box.png", mimeType: "image/png", buffer: png });
  await expect(page.getByRole("list", { name: "Images" }).getByRole("img", { name: "box.png" })).toBeVisible();
  await message.press("Enter");
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  expect(await textOf(answer)).toContain("わたしはデモモデルなので、画像は見えません。メッセージと一緒に画像が1枚届きました");
  await expect(page.locator('article[data-role="user"]').getByRole("img", { name: "box.png" })).toBeVisible();
});
