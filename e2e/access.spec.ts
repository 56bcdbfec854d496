import { lockedAppAccess } from "./ports";
import { composer, contentOf, expect, lastAnswer, mockRecordsFor, sendMessage, test, uniqueTag, waitUntilDone } from "./support";

// One server, one rate-limit window: the tests run in order, the one that exhausts the limit last.
test.describe.configure({ mode: "serial" });

const [rightCode] = lockedAppAccess.codes;

test("a locked chat asks for the code, keeps the message, and sends it once unlocked", async ({ page, context }) => {
  await page.goto("/");
  const codeField = page.getByRole("textbox", { name: "Access code" });
  await expect(codeField).toBeVisible();

  const tag = uniqueTag();
  await sendMessage(page, `mock:echo behind the lock ${tag}`);
  await expect(page.getByRole("log").locator('article[data-role="user"]')).toHaveCount(1);
  await expect(page.getByRole("log").locator('article[data-role="assistant"]')).toHaveCount(0);
  expect(await mockRecordsFor(tag)).toHaveLength(0);

  await codeField.fill("not-the-code");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
  await expect(codeField).toBeVisible();

  await codeField.fill(rightCode ?? "");
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(codeField).toBeHidden();
  const answer = lastAnswer(page);
  await waitUntilDone(answer);
  await expect(contentOf(answer)).toHaveText(`You said: mock:echo behind the lock ${tag} (1 messages)`);
  expect(await mockRecordsFor(tag)).toHaveLength(1);

  // The session is an HttpOnly cookie: the page's scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain("streamchat_session");
  const [cookie] = (await context.cookies()).filter((candidate) => candidate.name === "streamchat_session");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

  // Still unlocked after a reload; Lock in the settings asks for the code again.
  await page.reload();
  await expect(composer(page).message).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Access code" })).toBeHidden();
  await page.getByRole("button", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Lock (sign out)" }).click();
  await expect(page.getByRole("textbox", { name: "Access code" })).toBeVisible();
  const afterLock = uniqueTag();
  await sendMessage(page, `after lock ${afterLock}`);
  await expect(page.getByRole("textbox", { name: "Access code" })).toBeVisible();
  expect(await mockRecordsFor(afterLock)).toHaveLength(0);
});

test("a Bearer code works for scripts, and a cross-site Origin is refused even with it", async ({ request }) => {
  const body = { messages: [{ role: "user", content: `mock:plain ${uniqueTag()}` }], stream: false };
  expect((await request.post("/api/chat", { data: body })).status()).toBe(401);
  const allowed = await request.post("/api/chat", { data: body, headers: { Authorization: `Bearer ${lockedAppAccess.codes[1]}` } });
  expect(allowed.status()).toBe(200);
  const foreign = await request.post("/api/chat", {
    data: body,
    headers: { Authorization: `Bearer ${rightCode}`, Origin: "https://elsewhere.example" },
  });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ error: { code: "forbidden_origin" } });
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("with CHAT_TRUST_PROXY off, a forged X-Forwarded-For does not change whom the rate limit counts", async ({ request }) => {
  const statuses: number[] = [];
  for (let attempt = 0; attempt <= lockedAppAccess.rateLimit + 2; attempt++) {
    const response = await request.post("/api/chat", {
      data: { messages: [{ role: "user", content: `mock:plain ${uniqueTag()}` }], stream: false },
      headers: { Authorization: `Bearer ${rightCode}`, "X-Forwarded-For": `203.0.113.${attempt + 1}`, "X-Real-IP": `198.51.100.${attempt + 1}` },
    });
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      break;
    }
  }
  expect(statuses.at(-1)).toBe(429);
});
