import { composer, expect, lastAnswer, sendMessage, test, textOf, uniqueTag, waitUntilDone } from "./support";

test("pages carry a CSP with a fresh nonce, frame-ancestors 'none', nosniff and a Referrer-Policy", async ({ page, request }) => {
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  // Workers (PDF.js's) from this origin only.
  expect(policy).toContain("worker-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy).not.toContain("'unsafe-inline' 'strict-dynamic'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");

  const again = (await request.get("/")).headers()["content-security-policy"] ?? "";
  expect(again.match(/'nonce-([^']+)'/)?.[1]).not.toBe(policy.match(/'nonce-([^']+)'/)?.[1]);
  expect((await request.get("/api/health")).headers()["x-content-type-options"]).toBe("nosniff");
});

test("a whole chat runs under the policy without one violation", async ({ page }) => {
  // The `page` fixture fails this test on any CSP violation the browser reports.
  await page.goto("/");
  await expect(composer(page).message).toBeVisible();
  await sendMessage(page, `mock:multilingual ${uniqueTag()}`);
  await waitUntilDone(lastAnswer(page));
  expect(await textOf(lastAnswer(page))).toContain("</script> stay exact");
});
