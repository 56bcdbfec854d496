import { describe, expect, it, vi } from "vitest";
import { mockTexts, tokensOf } from "@/mock/scenarios";
import {
  deltaText,
  eventSequence,
  eventsOf,
  onlyOutcomeOf,
  readSseMessages,
  readText,
  relayFrom,
  sleep,
  withMockUpstream,
  waitFor,
} from "@/lib/server/test-support";
import { isCollected } from "@/lib/testing/is-collected";

const upstream = withMockUpstream();

const lastRequest = () => {
  const record = upstream.mock.requests.at(-1);
  if (!record) throw new Error("the mock received no request");
  return record;
};

describe("relayChatStream against an OpenAI-compatible upstream", () => {
  it("sends start, one delta per upstream delta, usage, finish and [DONE], with consecutive ids", async () => {
    const { id, body } = relayFrom(upstream.mock.baseUrl, "hello");
    const messages = await readSseMessages(body);

    expect(eventSequence(messages)).toBe("start delta* usage finish [DONE]");
    const withIds = messages.slice(0, -1);
    expect(withIds.map((message) => message.id)).toEqual(withIds.map((_, index) => String(index)));
    expect(messages.at(-1)?.id).toBeUndefined();

    const events = eventsOf(messages);
    expect(events[0]).toEqual({ type: "start", id, model: "gpt-4.1-mini" });
    expect(deltaText(events)).toBe(mockTexts.plain);
    const tokens = tokensOf(mockTexts.plain);
    expect(events.filter((event) => event.type === "delta")).toHaveLength(tokens.length);
    expect(events.find((event) => event.type === "usage")).toEqual({
      type: "usage",
      prompt_tokens: 11,
      completion_tokens: tokens.length,
      total_tokens: 11 + tokens.length,
    });
    expect(events.at(-1)).toEqual({ type: "finish", finish_reason: "stop" });
  });

  it("writes each event as id, event and exactly one data line, then a blank line", async () => {
    const text = await readText(relayFrom(upstream.mock.baseUrl, "mock:multilingual").body);

    expect(text.endsWith("\n\ndata: [DONE]\n\n")).toBe(true);
    const blocks = text.slice(0, -"\n\n".length).split("\n\n");
    expect(blocks.at(-1)).toBe("data: [DONE]");
    for (const [index, block] of blocks.slice(0, -1).entries()) {
      const lines = block.split("\n");
      expect(lines).toHaveLength(3);
      expect(lines[0]).toBe(`id: ${index}`);
      expect(lines[1]).toMatch(/^event: (start|delta|usage|finish)$/);
      expect(lines[2]).toMatch(/^data: \{.*\}$/);
    }
    expect(text).not.toContain("\r");
  });

  it("asks the upstream for usage with stream_options.include_usage", async () => {
    await readText(relayFrom(upstream.mock.baseUrl, "hello").body);
    expect(lastRequest().body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("relays multilingual text exactly when the upstream cuts its bytes 1 to 3 at a time", async () => {
    const messages = await readSseMessages(relayFrom(upstream.mock.baseUrl, "mock:multilingual split=1 interval=0").body);
    const events = eventsOf(messages);

    expect(deltaText(events)).toBe(mockTexts.multilingual);
    expect(events.filter((event) => event.type === "delta")).toHaveLength(tokensOf(mockTexts.multilingual, 2).length);
    expect(eventSequence(messages)).toBe("start delta* usage finish [DONE]");
  });

  it("keeps nothing of the conversation while the answer streams, once the upstream has it", async () => {
    const { body, conversation } = relayFrom(upstream.mock.baseUrl, "mock:paced tokens=3 interval=150 first=10");
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: delta")) text += decoder.decode((await reader.read()).value, { stream: true });

    expect(await isCollected(conversation)).toBe(true);
    for (let read = await reader.read(); !read.done; read = await reader.read()) text += decoder.decode(read.value, { stream: true });
    expect(text).toContain('"content":"Token 2. "');
    expect(text).toContain('"finish_reason":"stop"');
  });

  it.each(["reasoning_content", "reasoning"])("relays a reasoning model's %s as reasoning events before its answer's deltas", async (field) => {
    const { id, body } = relayFrom(upstream.mock.baseUrl, `mock:reasoning field=${field} interval=0`);
    const messages = await readSseMessages(body);
    const events = eventsOf(messages);

    expect(eventSequence(messages)).toBe("start reasoning* delta* usage finish [DONE]");
    const reasoning = events.map((event) => (event.type === "reasoning" ? event.content : "")).join("");
    expect(reasoning).toBe(mockTexts.reasoning);
    expect(events.filter((event) => event.type === "reasoning")).toHaveLength(tokensOf(mockTexts.reasoning).length);
    expect(deltaText(events)).toBe(mockTexts.plain);
    // The outcome line counts both; time to first token is the answer's.
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({
      outcome: "success",
      deltas: tokensOf(mockTexts.plain).length,
      reasoning_deltas: tokensOf(mockTexts.reasoning).length,
      ttft_ms: expect.any(Number),
    });
  });

  it("relays reasoning exactly when the upstream cuts its bytes mid-character (CJK and emoji in it)", async () => {
    const events = eventsOf(await readSseMessages(relayFrom(upstream.mock.baseUrl, "mock:reasoning split=1 size=2 interval=0").body));
    expect(events.map((event) => (event.type === "reasoning" ? event.content : "")).join("")).toBe(mockTexts.reasoning);
    expect(deltaText(events)).toBe(mockTexts.plain);
  });

  it("leaves reasoning written in the answer's content (between <think> tags) in the deltas, exactly as sent", async () => {
    const events = eventsOf(await readSseMessages(relayFrom(upstream.mock.baseUrl, "mock:reasoning field=think interval=0").body));
    expect(events.some((event) => event.type === "reasoning")).toBe(false);
    expect(deltaText(events)).toBe(`<think>\n${mockTexts.reasoning}\n</think>\n\n${mockTexts.plain}`);
  });

  it.each(["length", "content_filter"])("relays finish_reason %s", async (reason) => {
    const events = eventsOf(await readSseMessages(relayFrom(upstream.mock.baseUrl, `mock:${reason}`).body));
    expect(events.at(-1)).toEqual({ type: "finish", finish_reason: reason });
    expect(deltaText(events)).toBe(mockTexts.plain);
  });
});

describe("relay outcomes", () => {
  it("records one success outcome with the deltas and usage", async () => {
    const { id, body } = relayFrom(upstream.mock.baseUrl, "hello");
    await readText(body);
    const outcome = await onlyOutcomeOf(upstream.outcomes, id);
    const tokens = tokensOf(mockTexts.plain).length;

    expect(outcome).toMatchObject({ event: "chat.outcome", id, outcome: "success", model: "gpt-4.1-mini", deltas: tokens });
    expect(outcome.usage).toEqual({ prompt_tokens: 11, completion_tokens: tokens, total_tokens: 11 + tokens });
    expect(outcome.error).toBeUndefined();
    expect(outcome.ttft_ms).toBeGreaterThanOrEqual(0);
    expect(outcome.ms).toBeGreaterThanOrEqual(outcome.ttft_ms ?? 0);
  });

  it("writes the outcome to standard output as one JSON line", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      const { id, body } = relayFrom(upstream.mock.baseUrl, "hello");
      await readText(body);
      await onlyOutcomeOf(upstream.outcomes, id);
      const lines = write.mock.calls.map(([chunk]) => String(chunk)).filter((chunk) => chunk.includes(id));
      expect(lines).toHaveLength(1);
      expect(lines[0]?.endsWith("\n")).toBe(true);
      expect(lines[0]?.trimEnd()).not.toContain("\n");
      expect(JSON.parse(lines[0] ?? "")).toMatchObject({ event: "chat.outcome", id, outcome: "success" });
    } finally {
      write.mockRestore();
    }
  });
});

/** Reads to the end; "ended" if the stream closes within a second. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<"ended" | "still open"> {
  const ended = (async () => {
    while (!(await reader.read()).done);
    return "ended" as const;
  })();
  return Promise.race([ended, sleep(1_000).then(() => "still open" as const)]);
}

describe("when the client goes away mid-stream", () => {
  const slowAnswer = "mock:paced tokens=200 interval=20";

  async function expectUpstreamStopped(): Promise<void> {
    const record = lastRequest();
    await waitFor(() => record.closedByClient, "the mock to see its connection closed", 500);
    const tokensAtClose = record.tokensSent;
    await sleep(100);
    expect(record.tokensSent).toBe(tokensAtClose);
    expect(record.tokensSent).toBeLessThan(record.tokensPlanned);
  }

  it("a cancel that came before the relay started ends the answer at once: start, finish cancelled, [DONE], and the model is never asked", async () => {
    const asked = upstream.mock.requests.length;
    const { id, body } = relayFrom(upstream.mock.baseUrl, "mock:paced tokens=50 interval=20", { whenCancelled: (listener) => listener() });
    const messages = await readSseMessages(body);
    expect(eventSequence(messages)).toBe("start finish [DONE]");
    expect(eventsOf(messages).at(-1)).toEqual({ type: "finish", finish_reason: "cancelled" });
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "cancelled", deltas: 0 });
    await sleep(50);
    expect(upstream.mock.requests).toHaveLength(asked);
  });

  it("aborts the upstream request when the response body is cancelled", async () => {
    const { id, body } = relayFrom(upstream.mock.baseUrl, slowAnswer);
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let received = "";
    while ((received.match(/event: delta/g) ?? []).length < 3) {
      const { done, value } = await reader.read();
      if (done) throw new Error("the stream ended before three deltas");
      received += decoder.decode(value, { stream: true });
    }
    await reader.cancel();

    await expectUpstreamStopped();
    const outcome = await onlyOutcomeOf(upstream.outcomes, id);
    expect(outcome.outcome).toBe("client_disconnected_while_streaming");
    expect(outcome.deltas).toBeGreaterThanOrEqual(3);
    expect(outcome.error).toBeUndefined();
  });

  it("a client that leaves while a reasoning model reasons left while streaming: the upstream stops, the outcome counts the reasoning", async () => {
    const { id, body } = relayFrom(upstream.mock.baseUrl, "mock:reasoning repeat=20 interval=20");
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let received = "";
    while ((received.match(/event: reasoning/g) ?? []).length < 3) received += decoder.decode((await reader.read()).value, { stream: true });
    await reader.cancel();

    await expectUpstreamStopped();
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "client_disconnected_while_streaming", deltas: 0, reasoning_deltas: expect.any(Number) });
  });

  it("aborts the upstream request when the client's signal aborts", async () => {
    const client = new AbortController();
    const { id, body } = relayFrom(upstream.mock.baseUrl, slowAnswer, { clientSignal: client.signal });
    const reader = body.getReader();
    await waitFor(() => (upstream.mock.requests.at(-1)?.tokensSent ?? 0) >= 3, "three tokens from the mock");
    client.abort();

    await expectUpstreamStopped();
    const outcome = await onlyOutcomeOf(upstream.outcomes, id);
    expect(outcome.outcome).toBe("client_disconnected_while_streaming");
    // A reader still attached sees the stream end rather than wait forever.
    await expect(drain(reader)).resolves.toBe("ended");
  });

  it("ends at once, without asking the upstream, when the client had gone before the relay started", async () => {
    const client = new AbortController();
    client.abort();
    const { id, body } = relayFrom(upstream.mock.baseUrl, slowAnswer, { clientSignal: client.signal });
    await expect(drain(body.getReader())).resolves.toBe("ended");
    const outcome = await onlyOutcomeOf(upstream.outcomes, id);
    expect(outcome).toMatchObject({ outcome: "client_disconnected_before_streaming", deltas: 0 });
  });

  it("records client_disconnected_before_streaming when the client leaves before the first delta", async () => {
    const { id, body } = relayFrom(upstream.mock.baseUrl, "mock:plain first=2000");
    const reader = body.getReader();
    await waitFor(() => upstream.mock.requests.length === 1, "the upstream request");
    await reader.cancel();

    await waitFor(() => lastRequest().closedByClient, "the mock to see its connection closed", 500);
    const outcome = await onlyOutcomeOf(upstream.outcomes, id);
    expect(outcome).toMatchObject({ outcome: "client_disconnected_before_streaming", deltas: 0 });
  });
});
