import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { stubFastDemoModel } from "@/lib/server/test-support";

// A request that happens to be valid answers at once.
stubFastDemoModel(vi.stubEnv);
vi.stubEnv("CHAT_RATE_LIMIT", "0");
vi.stubEnv("CHAT_MAX_BODY_BYTES", "4096");

let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  ({ POST } = await import("@/lib/testing/chat-route"));
});

const knownStatuses = new Set([200, 400, 413, 415]);

async function post(body: BodyInit, contentType = "application/json"): Promise<Response> {
  return POST(new Request("http://localhost/api/chat", { method: "POST", headers: { "Content-Type": contentType }, body }));
}

/** Checks one answer: never a 5xx, always the protocol's error body, and a stream is drained. */
async function expectWellFormed(response: Response): Promise<void> {
  expect(knownStatuses.has(response.status), `status ${response.status}`).toBe(true);
  if (response.status === 200) {
    await response.body?.cancel();
    return;
  }
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.code).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
}

const role = fc.oneof(fc.constantFrom("system", "user", "assistant"), fc.string());
const message = fc.record(
  { role, content: fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.integer(), fc.constant(null), fc.jsonValue()) },
  { requiredKeys: [] },
);
const nearlyValidRequest = fc.record(
  {
    messages: fc.oneof(fc.array(message, { maxLength: 5 }), fc.jsonValue()),
    model: fc.oneof(fc.string(), fc.integer()),
    stream: fc.oneof(fc.boolean(), fc.string()),
    temperature: fc.oneof(fc.double(), fc.string()),
    max_tokens: fc.oneof(fc.integer(), fc.double()),
  },
  { requiredKeys: [] },
);

describe("POST /api/chat under random input", () => {
  it("answers any JSON value with a 2xx or a 4xx error body, never a 5xx", async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (value) => expectWellFormed(await post(JSON.stringify(value)))), { numRuns: 150 });
  });

  it("answers requests shaped nearly right with a 2xx or a 4xx error body", async () => {
    await fc.assert(fc.asyncProperty(nearlyValidRequest, async (value) => expectWellFormed(await post(JSON.stringify(value)))), { numRuns: 200 });
  });

  it("answers random bytes, any content type, with a 4xx", async () => {
    const contentType = fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "");
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 6000 }), contentType, async (bytes, type) => {
        const response = await post(bytes, type);
        expect(response.status).toBeGreaterThanOrEqual(400);
        await expectWellFormed(response);
      }),
      { numRuns: 150 },
    );
  });

  it("answers deeply nested JSON with a 400, and still answers a good request after all of it", async () => {
    const deep = `${"[".repeat(1500)}${"]".repeat(1500)}`;
    const nested = await post(`{"messages":${deep}}`);
    expect(nested.status).toBe(400);

    const good = await post(JSON.stringify({ messages: [{ role: "user", content: "hello" }], stream: false }));
    expect(good.status).toBe(200);
    const answer = (await good.json()) as { content: string };
    expect(answer.content.length).toBeGreaterThan(0);
  });
});
