import { expect, test } from "./support";

test("the page links a web app manifest that installs it as an app: its name, a window of its own, an icon that is there", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const response = await request.get(href ?? "");
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = (await response.json()) as { name: string; start_url: string; display: string; icons: Array<{ src: string; type: string; sizes: string }> };
  expect(manifest).toMatchObject({ name: "streamchat", start_url: "/", display: "standalone" });
  // One that scales, and the sizes Android asks for; each one there, of the type it says.
  expect(manifest.icons.map(({ sizes }) => sizes)).toEqual(["any", "192x192", "512x512"]);
  for (const { src, type, sizes } of manifest.icons) {
    const icon = await request.get(src);
    expect(icon.status(), src).toBe(200);
    expect(icon.headers()["content-type"], src).toContain(type);
    const body = await icon.body();
    if (type === "image/png") expect([body.readUInt32BE(16), body.readUInt32BE(20)].join("x"), src).toBe(sizes);
    else expect(body.toString("utf8")).toContain("<svg");
  }
});
