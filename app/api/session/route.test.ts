import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { signSession, sessionCookieName } from "@/lib/server/session-cookie";

/*
 * The access rules of protocol v1.1, row by row, against the routes
 * themselves: request → status, and nothing secret in any response or log line.
 */

const codes = ["river-stone-42", "second-code-7"];
const secret = "a-session-secret-for-these-tests";
const origin = "http://chat.test";

type Routes = {
  session: typeof import("@/app/api/session/route");
  models: typeof import("@/app/api/models/route");
  health: typeof import("@/app/api/health/route");
};
let routes: Routes;
const logged: string[] = [];
const seen: string[] = [];

function request(path: string, init: RequestInit & { headers?: Record<string, string> } = {}): Request {
  return new Request(`${origin}${path}`, { ...init, headers: { host: "chat.test", ...init.headers } });
}

function postCode(code: unknown, headers: Record<string, string> = {}): Request {
  return request("/api/session", { method: "POST", body: JSON.stringify({ code }), headers: { "content-type": "application/json", ...headers } });
}

async function observe(response: Response | Promise<Response>): Promise<Response> {
  const resolved = await response;
  seen.push(await resolved.clone().text(), JSON.stringify([...resolved.headers].filter(([name]) => name !== "set-cookie")));
  return resolved;
}

async function cookieFromUnlock(address: string): Promise<string> {
  const response = await observe(routes.session.POST(postCode(codes[0], { "x-forwarded-for": address })));
  expect(response.status).toBe(204);
  const setCookie = response.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0] ?? "";
}

beforeAll(() => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: string | Uint8Array) => boolean;
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return write(chunk);
    });
  }
});

afterAll(() => {
  vi.restoreAllMocks();
  const everything = [...logged, ...seen].join("\n");
  for (const secretText of [...codes, secret, "wrong-code"]) expect(everything).not.toContain(secretText);
});

beforeEach(async () => {
  vi.stubEnv("OPENAI_API_KEY", "");
  vi.stubEnv("AZURE_OPENAI_API_KEY", "");
  vi.stubEnv("CHAT_ACCESS_CODES", codes.join(", "));
  vi.stubEnv("CHAT_SESSION_SECRET", secret);
  // Trusted here so that each test can be its own client address.
  vi.stubEnv("CHAT_TRUST_PROXY", "1");
  vi.stubEnv("CHAT_ALLOWED_ORIGINS", "https://partner.example/");
  vi.resetModules();
  routes = {
    session: await import("@/app/api/session/route"),
    models: await import("@/app/api/models/route"),
    health: await import("@/app/api/health/route"),
  };
});

describe("access rules (protocol v1.1)", () => {
  test("no code → 401 unauthorized", async () => {
    const response = await observe(routes.models.GET(request("/api/models", { headers: { "x-forwarded-for": "10.0.0.1" } })));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  test("wrong code → 401, and no cookie", async () => {
    const response = await observe(routes.session.POST(postCode("wrong-code", { "x-forwarded-for": "10.0.0.2" })));
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  test("right code → 204 with an HttpOnly, SameSite=Lax, Path=/ cookie for 30 days, Secure over HTTPS; the cookie gives access", async () => {
    const response = await observe(routes.session.POST(postCode(codes[1], { "x-forwarded-for": "10.0.0.3", "x-forwarded-proto": "https" })));
    expect(response.status).toBe(204);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${sessionCookieName}=`));
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain(`Max-Age=${30 * 24 * 60 * 60}`);
    expect(setCookie).toContain("Secure");
    const cookie = setCookie.split(";")[0] ?? "";
    const withCookie = await observe(routes.models.GET(request("/api/models", { headers: { cookie, "x-forwarded-for": "10.0.0.3" } })));
    expect(withCookie.status).toBe(200);
  });

  test("over plain HTTP the cookie is not marked Secure", async () => {
    const response = await routes.session.POST(postCode(codes[0], { "x-forwarded-for": "10.0.0.4" }));
    expect(response.headers.get("set-cookie")).not.toContain("Secure");
  });

  test("right code by Bearer → access; wrong Bearer → 401", async () => {
    const right = await observe(routes.models.GET(request("/api/models", { headers: { authorization: `Bearer ${codes[0]}`, "x-forwarded-for": "10.0.0.5" } })));
    expect(right.status).toBe(200);
    const wrong = await observe(routes.models.GET(request("/api/models", { headers: { authorization: "Bearer wrong-code", "x-forwarded-for": "10.0.0.5" } })));
    expect(wrong.status).toBe(401);
  });

  test("a tampered cookie → 401", async () => {
    const cookie = await cookieFromUnlock("10.0.0.6");
    const [name, value = ""] = cookie.split("=");
    const [expiresAt, tag, signature = ""] = value.split(".");
    const tampered = [
      `${name}=${Number(expiresAt) + 86_400}.${tag}.${signature}`,
      `${name}=${expiresAt}.${tag}.${signature.slice(0, -2)}xx`,
      `${name}=${expiresAt}.${"A".repeat(tag?.length ?? 22)}.${signature}`,
      `${name}=garbage`,
    ];
    for (const forged of tampered) {
      const response = await observe(routes.models.GET(request("/api/models", { headers: { cookie: forged, "x-forwarded-for": "10.0.0.6" } })));
      expect(response.status, forged).toBe(401);
    }
  });

  test("an expired cookie → 401, and so does one opened with a code that was since removed", async () => {
    const thirtyOneDaysAgo = Date.now() - 31 * 24 * 60 * 60 * 1000;
    const expired = `${sessionCookieName}=${signSession(codes[0] ?? "", secret, thirtyOneDaysAgo)}`;
    expect((await routes.models.GET(request("/api/models", { headers: { cookie: expired } }))).status).toBe(401);
    const fromRemovedCode = `${sessionCookieName}=${signSession("a-code-no-longer-listed", secret)}`;
    expect((await routes.models.GET(request("/api/models", { headers: { cookie: fromRemovedCode } }))).status).toBe(401);
  });

  test("the sixth wrong code in a minute → 429 with Retry-After, by session and Bearer alike; even the right code waits", async () => {
    const address = { "x-forwarded-for": "10.0.0.7" };
    for (let attempt = 1; attempt <= 3; attempt++) expect((await routes.session.POST(postCode("wrong-code", address))).status).toBe(401);
    for (let attempt = 4; attempt <= 5; attempt++) {
      const response = await routes.models.GET(request("/api/models", { headers: { authorization: "Bearer wrong-code", ...address } }));
      expect(response.status).toBe(401);
    }
    const sixth = await observe(routes.session.POST(postCode("wrong-code", address)));
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await routes.session.POST(postCode(codes[0], address))).status).toBe(429);
    // Another address is not held back.
    expect((await routes.session.POST(postCode(codes[0], { "x-forwarded-for": "10.0.0.8" }))).status).toBe(204);
  });

  test("a cross-site Origin → 403 forbidden_origin even with a valid cookie; the own origin and CHAT_ALLOWED_ORIGINS pass", async () => {
    const cookie = await cookieFromUnlock("10.0.0.9");
    const withOrigin = (value: string) => routes.models.GET(request("/api/models", { headers: { cookie, origin: value, "x-forwarded-for": "10.0.0.9" } }));
    const foreign = await observe(withOrigin("https://evil.example"));
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: "forbidden_origin" } });
    expect((await withOrigin("null")).status).toBe(403);
    expect((await withOrigin("http://chat.test")).status).toBe(200);
    expect((await withOrigin("https://partner.example")).status).toBe(200);
    // Before anything else: not even a right code is looked at.
    expect((await routes.session.POST(postCode(codes[0], { origin: "https://evil.example" }))).status).toBe(403);
  });

  test("GET /api/health is open, and says nothing secret", async () => {
    const response = await observe(routes.health.GET(request("/api/health")));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, provider: "demo", redis: "off", version: expect.any(String) });
  });

  test("DELETE /api/session clears the cookie", async () => {
    const cookie = await cookieFromUnlock("10.0.0.10");
    const response = await observe(routes.session.DELETE(request("/api/session", { method: "DELETE", headers: { cookie, "x-forwarded-for": "10.0.0.10" } })));
    expect(response.status).toBe(204);
    expect(response.headers.get("set-cookie")).toMatch(new RegExp(`^${sessionCookieName}=; .*Max-Age=0`));
  });

  test("a malformed unlock request is a 4xx, never a 500", async () => {
    const cases: Request[] = [
      request("/api/session", { method: "POST", body: "{", headers: { "content-type": "application/json" } }),
      request("/api/session", { method: "POST", body: "code=1", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      postCode(42),
      postCode("x".repeat(5_000)),
    ];
    for (const malformed of cases) {
      const status = (await routes.session.POST(malformed)).status;
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });
});
