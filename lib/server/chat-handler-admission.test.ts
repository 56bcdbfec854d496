import { beforeAll, describe, expect, it, vi } from "vitest";
import { chatRequest, readText, userMessage, waitFor, withMockProviderEnvironment } from "@/lib/server/test-support";

type ChatRoute = typeof import("@/lib/testing/chat-route");
type OutcomeModule = typeof import("@/lib/server/outcome");

// Each test names its client by X-Forwarded-For, as a trusted proxy would.
const provider = withMockProviderEnvironment({ CHAT_RATE_LIMIT: "2", CHAT_MAX_CONCURRENT: "1", CHAT_TRUST_PROXY: "1" });
let route: ChatRoute;
// Imported after `vi.resetModules()`, so that it is the instance the route records to.
let outcomeModule: OutcomeModule;

beforeAll(async () => {
  vi.resetModules();
  route = await import("@/lib/testing/chat-route");
  outcomeModule = await import("@/lib/server/outcome");
});

const fromClient = (address: string, content = "hello", stream = false) =>
  chatRequest({ messages: userMessage(content), stream }, { "X-Forwarded-For": address });

describe("POST /api/chat admission", () => {
  it("answers the third request a minute from one client with 429 rate_limited and Retry-After", async () => {
    for (const attempt of [1, 2]) {
      const response = await route.POST(fromClient("10.0.0.1"));
      expect(response.status, `request ${attempt}`).toBe(200);
      await response.json();
    }
    const upstreamRequests = provider.mock.requests.length;

    const refused = await route.POST(fromClient("10.0.0.1"));
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(provider.mock.requests).toHaveLength(upstreamRequests);

    const otherClient = await route.POST(fromClient("10.0.0.2"));
    expect(otherClient.status).toBe(200);
    await otherClient.json();
  });

  it("answers 503 overloaded with Retry-After while CHAT_MAX_CONCURRENT answers stream, and admits again after", async () => {
    const outcomes: string[] = [];
    const detach = outcomeModule.onOutcome((outcome) => outcomes.push(outcome.outcome));
    try {
      const streaming = await route.POST(fromClient("10.0.1.1", "mock:paced first=2000 tokens=100", true));
      expect(streaming.status).toBe(200);

      const refused = await route.POST(fromClient("10.0.1.2"));
      expect(refused.status).toBe(503);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("overloaded");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

      await streaming.body?.cancel();
      await waitFor(() => outcomes.length === 1, "the streaming answer's outcome");
      expect(outcomes).toEqual(["client_disconnected_before_streaming"]);
      const admitted = await route.POST(fromClient("10.0.1.3"));
      expect(admitted.status).toBe(200);
      await readText(admitted.body);
    } finally {
      detach();
    }
  });
});
