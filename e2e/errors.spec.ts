import type { Page } from "@playwright/test";
import { composer, contentOf, expect, lastAnswer, mockRecordsFor, sendMessage, test, textOf, uniqueTag, waitUntilDone } from "./support";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

test("an upstream rate limit says what happened and counts down to the retry, without the upstream's text", async ({ page }) => {
  await sendMessage(page, `mock:status code=429 retry_after=2 ${uniqueTag()}`);
  const alert = lastAnswer(page).getByRole("alert");
  await expect(alert).toContainText("too many requests");
  const retry = alert.getByRole("button", { name: /^Try again/ });
  await expect(retry).toHaveText(/Try again in [12] s/);
  await expect(retry).toBeDisabled();
  await expect(retry).toHaveText("Try again", { timeout: 4_000 });
  await expect(retry).toBeEnabled();
  expect(await page.content()).not.toContain("sk-mock");
  await expect(composer(page).message).toBeEditable();
});

test("a refused key is not offered as retryable", async ({ page }) => {
  await sendMessage(page, `mock:status code=401 ${uniqueTag()}`);
  const alert = lastAnswer(page).getByRole("alert");
  await expect(alert).toContainText("credentials");
  await expect(alert.getByRole("button", { name: "Try again" })).toHaveCount(0);
});

/** Sets the shown conversation's temperature (and, when given, its model) in Settings. */
async function chooseSettings(page: Page, { temperature, model }: { temperature: string; model?: string }) {
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Conversation settings" });
  await dialog.getByRole("slider").fill(temperature);
  if (model) await dialog.getByRole("combobox", { name: "Model" }).selectOption(model);
  await dialog.getByRole("button", { name: "Done" }).click();
}

test("a setting the model refuses is named, with where to change it, no retry, and one click asks again with the model's defaults", async ({ page }) => {
  // Without a setting of its own, there is nothing to set back: no button.
  await sendMessage(page, `mock:status code=400 error=unsupported_value param=temperature ${uniqueTag()}`);
  const alert = lastAnswer(page).getByRole("alert");
  await expect(alert).toContainText("This model does not accept the conversation's temperature. Set it back to the model's default in Settings.");
  await expect(alert.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(alert.getByRole("button", { name: "Ask again with the model's defaults" })).toHaveCount(0);
  expect(await page.content()).not.toContain("sk-mock");

  await page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: "New chat" }).click();
  await chooseSettings(page, { temperature: "0.3" });
  const tag = uniqueTag();
  await sendMessage(page, `mock:status code=400 error=unsupported_value param=temperature ${tag}`);
  await lastAnswer(page).getByRole("button", { name: "Ask again with the model's defaults" }).click();
  // The mock refuses this question whatever comes with it: what matters is what was asked the second time.
  await expect.poll(async () => (await mockRecordsFor(tag, { in: "any" })).length).toBe(2);
  const [first, second] = await mockRecordsFor(tag, { in: "any" });
  expect(first?.body.temperature).toBe(0.3);
  expect(second?.body.temperature).toBeUndefined();
});

test("a model the server does not have: one click asks the server's default model", async ({ page }) => {
  await chooseSettings(page, { temperature: "0.5", model: "mock-reasoner" });
  const tag = uniqueTag();
  await sendMessage(page, `mock:status code=404 error=model_not_found ${tag}`);
  const alert = lastAnswer(page).getByRole("alert");
  await expect(alert).toContainText("The model's server does not have the chosen model. Choose another one in Settings.");
  await alert.getByRole("button", { name: "Ask the server's default model" }).click();
  await expect.poll(async () => (await mockRecordsFor(tag, { in: "any" })).length).toBe(2);
  const [first, second] = await mockRecordsFor(tag, { in: "any" });
  expect(first?.body.model).toBe("mock-reasoner");
  expect(second?.body.model).not.toBe("mock-reasoner");
  // Only the model went back to the server's: the temperature chosen stays.
  expect(second?.body.temperature).toBe(0.5);
});

test("a connection dropped mid-answer keeps the partial answer and offers a retry that works", async ({ page }) => {
  const tag = uniqueTag();
  await sendMessage(page, `mock:drop after=5 interval=5 ${tag}`);
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await expect(answer.getByRole("alert")).toContainText("connection to the model was lost");
  const partial = await textOf(answer);
  expect(partial.length).toBeGreaterThan(0);
  expect("Hello from the mock model. This answer streams in small pieces.".startsWith(partial)).toBe(true);

  await answer.getByRole("button", { name: "Try again" }).click();
  // The retry sends the same conversation again; the mock drops it again, but a fresh answer replaced the old one.
  await expect(page.locator('article[data-role="assistant"]')).toHaveCount(1);
  await waitUntilDone(lastAnswer(page));
  await expect(contentOf(lastAnswer(page))).toHaveText(partial);
  expect(await mockRecordsFor(tag)).toHaveLength(2);
});

test("a conversation longer than the model reads: “Ask in a new chat” asks its question again, alone, in a new chat with the same settings", async ({ page }) => {
  await page.getByRole("button", { name: "Settings" }).click();
  const dialog = page.getByRole("dialog", { name: "Conversation settings" });
  await dialog.getByRole("textbox", { name: "System prompt" }).fill("Be brief.");
  await dialog.getByRole("slider").fill("0.3");
  await dialog.getByRole("button", { name: "Done" }).click();
  await sendMessage(page, `Earlier ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  const tag = uniqueTag();
  // The mock refuses this question whatever comes with it: asked again, it refuses again, as a model would not.
  const question = `mock:status code=400 error=context_length_exceeded ${tag}`;
  await sendMessage(page, question);
  const refused = lastAnswer(page);
  await expect(refused.getByRole("alert")).toContainText("This conversation is longer than the model can read.");
  await refused.getByRole("button", { name: "Ask in a new chat" }).click();

  const conversations = page.getByRole("navigation", { name: "Conversations" }).getByRole("listitem");
  await expect(conversations).toHaveCount(2);
  const questions = page.getByRole("log").locator('article[data-role="user"]');
  await expect(questions).toHaveCount(1);
  await expect(questions).toContainText(question);
  await expect.poll(async () => (await mockRecordsFor(tag, { in: "any" })).length).toBe(2);
  const asked = (await mockRecordsFor(tag, { in: "any" })).at(-1);
  expect(asked?.body.messages).toEqual([
    { role: "system", content: "Be brief." },
    { role: "user", content: question },
  ]);
  expect(asked?.body.temperature).toBe(0.3);
});
