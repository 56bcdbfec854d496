import { describe, expect, it } from "vitest";
import type { ChatEvent } from "@/lib/chat/events";
import { freePort } from "@/lib/testing/free-port";
import { mockTexts, tokensOf } from "@/mock/scenarios";
import {
  deltaText,
  eventSequence,
  eventsOf,
  onlyOutcomeOf,
  readSseMessages,
  readText,
  relayFrom,
  withMockUpstream,
  waitFor,
} from "@/lib/server/test-support";

const upstream = withMockUpstream();

/** Relays one answer and reads it the way a client would: the raw text and its SSE messages. */
async function relayAndRead(baseUrl: string, prompt: string, config: Parameters<typeof relayFrom>[2] = {}) {
  const { id, body } = relayFrom(baseUrl, prompt, config);
  const text = await readText(body);
  const messages = await readSseMessages(new Response(text).body);
  return { id, text, messages, events: eventsOf(messages) };
}

const errorOf = (events: readonly ChatEvent[]) => events.find((event) => event.type === "error");

describe("upstream HTTP errors become one error event", () => {
  it.each([
    { status: 429, code: "rate_limited", retryable: true },
    { status: 401, code: "auth_failed", retryable: false },
    { status: 403, code: "auth_failed", retryable: false },
    { status: 500, code: "upstream_error", retryable: true },
    { status: 503, code: "upstream_error", retryable: true },
    { status: 400, code: "upstream_error", retryable: false },
  ])("$status → $code, retryable $retryable", async ({ status, code, retryable }) => {
    const { id, text, messages, events } = await relayAndRead(upstream.mock.baseUrl, `mock:status code=${status}`);

    expect(eventSequence(messages)).toBe("start error [DONE]");
    expect(errorOf(events)).toMatchObject({ code, retryable });
    expect(text).not.toContain("sk-mock");
    expect(text).not.toContain("Incorrect API key");
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "error", error: code, deltas: 0 });
  });

  it.each([
    { prompt: "mock:status code=400 error=context_length_exceeded param=messages", reason: "context_length_exceeded", says: /longer than the model can read/ },
    { prompt: "mock:status code=404 error=model_not_found", reason: "model_not_found", says: /does not have the chosen model/ },
    { prompt: "mock:status code=400 error=unsupported_value param=temperature", reason: "unsupported_setting", says: /does not accept the conversation's temperature/ },
  ])("a refusal the person can act on says why: $reason", async ({ prompt, reason, says }) => {
    const { text, events } = await relayAndRead(upstream.mock.baseUrl, prompt);
    expect(errorOf(events)).toMatchObject({ code: "upstream_error", retryable: false, reason, message: expect.stringMatching(says) });
    expect(text).not.toContain("sk-mock");
  });

  it.each(["mock:status code=400 error=invalid_value param=messages", "mock:status code=404"])("other refusals say no reason: %s", async (prompt) => {
    const { events } = await relayAndRead(upstream.mock.baseUrl, prompt);
    expect(errorOf(events)).toMatchObject({ code: "upstream_error", retryable: false, message: expect.stringMatching(/refused the request/) });
    expect(errorOf(events)).not.toHaveProperty("reason");
  });

  it("passes the upstream's Retry-After on as retry_after", async () => {
    const { events } = await relayAndRead(upstream.mock.baseUrl, "mock:status code=429 retry_after=7");
    expect(errorOf(events)).toMatchObject({ code: "rate_limited", retryable: true, retry_after: 7 });
  });
});

describe("an answer that breaks off", () => {
  it("keeps the deltas sent before a dropped connection, then says upstream_unavailable", async () => {
    const { id, messages, events, text } = await relayAndRead(upstream.mock.baseUrl, "mock:drop after=4");

    expect(eventSequence(messages)).toBe("start delta* error [DONE]");
    expect(events.filter((event) => event.type === "delta")).toHaveLength(4);
    expect(deltaText(events)).toBe(tokensOf(mockTexts.plain).slice(0, 4).join(""));
    expect(errorOf(events)).toMatchObject({ code: "upstream_unavailable", retryable: true });
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "error", error: "upstream_unavailable", deltas: 4 });
  });

  it("treats a stream that ends without a finish_reason as broken", async () => {
    const { id, messages, events } = await relayAndRead(upstream.mock.baseUrl, "mock:truncated after=2");

    expect(eventSequence(messages)).toBe("start delta* error [DONE]");
    expect(deltaText(events)).toBe(tokensOf(mockTexts.plain).slice(0, 2).join(""));
    expect(errorOf(events)).toMatchObject({ code: "upstream_unavailable", retryable: true });
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "error", error: "upstream_unavailable", deltas: 2 });
  });

  it("a model that sends its first chunk, then thinks in silence longer than the gap between tokens, is given the first-token limit", async () => {
    const { id, events } = await relayAndRead(upstream.mock.baseUrl, "mock:plain think=600", { config: { firstTokenTimeoutMs: 2_000, idleTimeoutMs: 150 } });
    expect(deltaText(events)).toBe(mockTexts.plain);
    expect(events.at(-1)).toEqual({ type: "finish", finish_reason: "stop" });
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "success" });
  });

  it("but not more: silent past the first-token limit after its first chunk, it ends with timeout", async () => {
    const { events } = await relayAndRead(upstream.mock.baseUrl, "mock:plain think=3000", { config: { firstTokenTimeoutMs: 300, idleTimeoutMs: 150 } });
    expect(deltaText(events)).toBe("");
    expect(errorOf(events)).toMatchObject({ code: "timeout", retryable: true });
  });

  it("ends a stalled answer with timeout after the idle limit and aborts the upstream", async () => {
    const startedAt = performance.now();
    const { id, messages, events } = await relayAndRead(upstream.mock.baseUrl, "mock:stall after=2", { config: { idleTimeoutMs: 150 } });

    expect(performance.now() - startedAt).toBeLessThan(3_000);
    expect(eventSequence(messages)).toBe("start delta* error [DONE]");
    expect(deltaText(events)).toBe(tokensOf(mockTexts.plain).slice(0, 2).join(""));
    expect(errorOf(events)).toMatchObject({ code: "timeout", retryable: true });
    await waitFor(() => upstream.mock.requests.at(-1)?.closedByClient === true, "the upstream connection to be closed", 500);
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "error", error: "timeout", deltas: 2 });
  });

  it("ends with timeout when the first token takes longer than the first-token limit", async () => {
    const { messages, events } = await relayAndRead(upstream.mock.baseUrl, "mock:plain first=3000", { config: { firstTokenTimeoutMs: 150 } });

    expect(eventSequence(messages)).toBe("start error [DONE]");
    expect(errorOf(events)).toMatchObject({ code: "timeout", retryable: true });
  });
});

describe("heartbeats and unreachable upstreams", () => {
  it("sends `: ping` comments while the upstream is silent, and clients ignore them", async () => {
    const { text, messages, events } = await relayAndRead(upstream.mock.baseUrl, "mock:paced first=400 tokens=3", {
      config: { heartbeatMs: 50 },
    });

    const beforeFirstDelta = text.slice(0, text.indexOf("event: delta"));
    expect(beforeFirstDelta.match(/^: ping\n\n/gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(eventSequence(messages)).toBe("start delta* usage finish [DONE]");
    expect(deltaText(events)).toBe("Token 0. Token 1. Token 2. ");
  });

  it("sends no ping while events flow more often than the heartbeat", async () => {
    const startedAt = performance.now();
    const { text, events } = await relayAndRead(upstream.mock.baseUrl, "mock:paced tokens=40 interval=20", { config: { heartbeatMs: 250 } });
    expect(performance.now() - startedAt).toBeGreaterThan(500);
    expect(events.filter((event) => event.type === "delta")).toHaveLength(40);
    expect(text).not.toContain(": ping");
  });

  it("says upstream_unavailable when the upstream refuses the connection", async () => {
    const { id, messages, events } = await relayAndRead(`http://127.0.0.1:${await freePort()}/v1`, "hello");
    expect(eventSequence(messages)).toBe("start error [DONE]");
    expect(errorOf(events)).toMatchObject({ code: "upstream_unavailable", retryable: true });
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "error", error: "upstream_unavailable", deltas: 0 });
  });

  it("tries once more when the connection breaks before the model answered, and the answer then arrives whole", async () => {
    const { id, messages, events } = await relayAndRead(upstream.mock.baseUrl, "mock:reset_once");
    expect(upstream.mock.requests).toHaveLength(2);
    expect(eventSequence(messages)).toBe("start delta* usage finish [DONE]");
    expect(deltaText(events)).toBe(mockTexts.plain);
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "success" });
  });

  it("never retries an upstream 429 or 5xx: one upstream request each", async () => {
    await relayAndRead(upstream.mock.baseUrl, "mock:status code=429");
    await relayAndRead(upstream.mock.baseUrl, "mock:status code=503");
    expect(upstream.mock.requests).toHaveLength(2);
  });
});
