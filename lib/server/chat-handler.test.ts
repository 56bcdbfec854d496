import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mockTexts, tokensOf } from "@/mock/scenarios";
import { chatRequest, eventSequence, eventsOf, deltaText, readSseMessages, readText, userMessage, waitFor, withMockProviderEnvironment } from "@/lib/server/test-support";
import { sizeText } from "@/lib/server/read-json-body";

type ChatRoute = typeof import("@/lib/testing/chat-route");

const maxBodyBytes = 4_096;
const provider = withMockProviderEnvironment({
  OPENAI_API_KEY: "sk-test-route-key",
  OPENAI_MODEL: "",
  CHAT_RATE_LIMIT: "100000",
  CHAT_MAX_BODY_BYTES: String(maxBodyBytes),
  CHAT_COMPLETION_TIMEOUT_MS: "1000",
});
let route: ChatRoute;

beforeAll(async () => {
  vi.resetModules();
  route = await import("@/lib/testing/chat-route");
});
beforeEach(() => {
  provider.mock.requests.length = 0;
});

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  return body.error.message;
}

describe("POST /api/chat refuses bad requests before answering", () => {
  it.each([
    ["not JSON", "{not json"],
    ["an empty body", ""],
    ["invalid UTF-8", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
  ])("%s → 400 invalid_json", async (_name, body) => {
    await expectError(await route.POST(chatRequest(body)), 400, "invalid_json");
  });

  it("a body that ends inside a character → 400 invalid_json, and the next request is read whole", async () => {
    // One UTF-8 decoder serves every request: nothing of a refused body may stay in it.
    const cut = new TextEncoder().encode('{"messages":[{"role":"user","content":"你').slice(0, -1);
    await expectError(await route.POST(chatRequest(cut)), 400, "invalid_json");
    const response = await route.POST(chatRequest({ messages: userMessage("你好") }));
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expect(provider.mock.requests.map((request) => request.body.messages)).toEqual([[{ role: "user", content: "你好" }]]);
  });

  it.each([
    ["messages", {}],
    ["messages", { messages: [] }],
    ["messages", { messages: "hello" }],
    ["messages.0.role", { messages: [{ role: "assistant", content: "hi" }] }],
    ["messages.0.role", { messages: [{ role: "robot", content: "hi" }] }],
    ["messages.0.content", { messages: [{ role: "user", content: 42 }] }],
    ["temperature", { messages: userMessage("hi"), temperature: 3 }],
    ["max_tokens", { messages: userMessage("hi"), max_tokens: 0 }],
    ["max_tokens", { messages: userMessage("hi"), max_tokens: 1.5 }],
    ["model", { messages: userMessage("hi"), model: 7 }],
    ["reasoning_effort", { messages: userMessage("hi"), reasoning_effort: "HIGH; drop" }],
    ["stream", { messages: userMessage("hi"), stream: "yes" }],
    ["body", null],
  ])("a request that breaks %s → 400 invalid_request naming it", async (field, body) => {
    const message = await expectError(await route.POST(chatRequest(body)), 400, "invalid_request");
    expect(message.startsWith(`${field}:`)).toBe(true);
    expect(provider.mock.requests).toHaveLength(0);
  });

  it.each([
    ["text/plain", { "Content-Type": "text/plain" }],
    ["form data", { "Content-Type": "application/x-www-form-urlencoded" }],
  ])("%s → 415 unsupported_media_type", async (_name, headers) => {
    await expectError(await route.POST(chatRequest({ messages: userMessage("hi") }, headers)), 415, "unsupported_media_type");
  });

  it("no Content-Type → 415 unsupported_media_type", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ messages: userMessage("hi") }));
    const request = new Request("http://localhost/api/chat", { method: "POST", body: bytes });
    await expectError(await route.POST(request), 415, "unsupported_media_type");
  });

  it("a body over CHAT_MAX_BODY_BYTES → 413 payload_too_large, saying the limit as a person reads it and what to do", async () => {
    const body = { messages: userMessage("x".repeat(maxBodyBytes)) };
    const message = await expectError(await route.POST(chatRequest(body)), 413, "payload_too_large");
    expect(message).toBe(`The conversation is too long to send: this server accepts ${sizeText(maxBodyBytes)} a request. Shorten the message, send fewer images at a time, or start a new conversation.`);
  });

  it("the limit reads as MiB, KiB or bytes", () => {
    expect([sizeText(1024 * 1024), sizeText(256 * 1024), sizeText(1_000_000)]).toEqual(["up to 1 MiB", "up to 256 KiB", "up to 1,000,000 bytes"]);
  });

  it("a declared Content-Length over the limit → 413 before the body is read", async () => {
    // The first bytes, then nothing: an answer that waited for the body would never come.
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"messages":'));
      },
    });
    const init: RequestInit & { duplex: "half" } = {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(maxBodyBytes + 1) },
      body: stalled,
      duplex: "half",
    };
    await expectError(await route.POST(new Request("http://localhost/api/chat", init)), 413, "payload_too_large");
  });

  it("a body over the limit sent as a stream without Content-Length → 413, without waiting for its end", async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new TextEncoder().encode(pulls === 1 ? '{"messages":[{"role":"user","content":"' : "x".repeat(1_000)));
      },
    });
    const init: RequestInit & { duplex: "half" } = { method: "POST", headers: { "Content-Type": "application/json" }, body: endless, duplex: "half" };
    const request = new Request("http://localhost/api/chat", init);
    expect(request.headers.get("content-length")).toBeNull();

    await expectError(await route.POST(request), 413, "payload_too_large");
  });

  it("a body exactly at the limit is read", async () => {
    const frame = JSON.stringify({ messages: userMessage("hello") });
    const body = frame.replace("hello", `hello${" ".repeat(maxBodyBytes - frame.length)}`);
    expect(new TextEncoder().encode(body).byteLength).toBe(maxBodyBytes);
    const response = await route.POST(chatRequest(body));
    expect(response.status).toBe(200);
    await readText(response.body);
  });

  it.each(["GET", "PUT", "PATCH", "DELETE"] as const)("%s → 405 method_not_allowed with Allow", async (method) => {
    const response = await route.send(new Request("http://localhost/api/chat", { method }));
    await expectError(response, 405, "method_not_allowed");
    expect(response.headers.get("allow")).toContain("POST");
  });

  it("OPTIONS → 204 without a body", async () => {
    const response = await route.OPTIONS();
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
  });
});

describe("POST /api/chat streaming", () => {
  it("answers with exactly the protocol's headers and events", async () => {
    const response = await route.POST(chatRequest({ messages: userMessage("hello"), unknown: "ignored" }, { "Content-Type": "application/json; charset=utf-8" }));

    expect(response.status).toBe(200);
    // Beside what HTTP/1.1 itself adds (the date, and how the connection and the body are delimited).
    const transport = ["connection", "date", "keep-alive", "transfer-encoding"];
    expect([...response.headers.keys()].filter((name) => !transport.includes(name)).sort()).toEqual(["cache-control", "content-type", "x-accel-buffering"]);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("content-length")).toBeNull();

    const messages = await readSseMessages(response.body);
    expect(eventSequence(messages)).toBe("start delta* usage finish [DONE]");
    const events = eventsOf(messages);
    expect(events[0]).toMatchObject({ type: "start", model: "gpt-4.1-mini" });
    expect(deltaText(events)).toBe(mockTexts.plain);
  });

  it("passes model, temperature, max_tokens and reasoning_effort to a compatible upstream", async () => {
    const body = { messages: userMessage("hello"), model: "my-model", temperature: 0.3, max_tokens: 7, reasoning_effort: "low" };
    const events = eventsOf(await readSseMessages((await route.POST(chatRequest(body))).body));

    expect(events[0]).toMatchObject({ type: "start", model: "my-model" });
    const upstream = provider.mock.requests[0]?.body;
    expect(upstream).toMatchObject({ model: "my-model", temperature: 0.3, max_tokens: 7, reasoning_effort: "low", stream: true });
    expect(upstream).not.toHaveProperty("max_completion_tokens");
  });

  it("passes a question's text and images to the upstream as they came, in order (added to the protocol)", async () => {
    const content = [
      { type: "text", text: "mock:echo which is 日本? " },
      { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=", detail: "low" } },
      { type: "text", text: " or " },
      { type: "image_url", image_url: { url: "data:image/jpeg;base64,/9j/4AAQ" } },
    ];
    const events = eventsOf(await readSseMessages((await route.POST(chatRequest({ messages: [{ role: "user", content }] }))).body));
    expect(deltaText(events)).toBe("You said: mock:echo which is 日本?  or (1 messages, 2 images)");
    expect(provider.mock.requests[0]?.body).toMatchObject({ messages: [{ role: "user", content }] });
  });

  it("an image given by address → 400 invalid_request naming the field, and nothing is asked upstream", async () => {
    const content = [{ type: "text", text: "look" }, { type: "image_url", image_url: { url: "http://169.254.169.254/latest/meta-data" } }];
    const response = await route.POST(chatRequest({ messages: [{ role: "user", content }] }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/^messages\.0\.content\.1\.image_url\.url: must be a data: URL/);
    expect(provider.mock.requests).toHaveLength(0);
  });

  it("aborts the upstream when the client's request is aborted", async () => {
    const client = new AbortController();
    const response = await route.POST(chatRequest({ messages: userMessage("mock:paced tokens=200 interval=20") }, {}, client.signal));
    expect(response.status).toBe(200);
    await waitFor(() => (provider.mock.requests[0]?.tokensSent ?? 0) >= 2, "two tokens from the mock");
    client.abort();

    await waitFor(() => provider.mock.requests[0]?.closedByClient === true, "the upstream connection to close", 500);
  });
});

describe("POST /api/chat with stream: false", () => {
  it("answers one JSON body with the whole content", async () => {
    const response = await route.POST(chatRequest({ messages: userMessage("hello"), stream: false, temperature: 0, max_tokens: 9 }));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const tokens = tokensOf(mockTexts.plain).length;
    expect(await response.json()).toEqual({
      id: expect.any(String),
      model: "gpt-4.1-mini",
      content: mockTexts.plain,
      finish_reason: "stop",
      usage: { prompt_tokens: 11, completion_tokens: tokens, total_tokens: 11 + tokens },
    });
    expect(provider.mock.requests[0]?.body).toMatchObject({ stream: false, temperature: 0, max_tokens: 9 });
  });

  it("says why the model refused, when the person can act on it", async () => {
    const response = await route.POST(chatRequest({ messages: userMessage("mock:status code=400 error=context_length_exceeded"), stream: false }));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: { code: "upstream_error", message: expect.stringContaining("longer than the model can read"), reason: "context_length_exceeded" },
    });
  });

  it.each(["reasoning_content", "reasoning"])("adds a reasoning model's %s as `reasoning`", async (field) => {
    const response = await route.POST(chatRequest({ messages: userMessage(`mock:reasoning field=${field} interval=0`), stream: false }));
    expect(await response.json()).toMatchObject({ content: mockTexts.plain, reasoning: mockTexts.reasoning, finish_reason: "stop" });
  });

  it.each([
    { prompt: "mock:status code=429 retry_after=3", status: 429, code: "rate_limited" },
    { prompt: "mock:status code=401", status: 502, code: "auth_failed" },
    { prompt: "mock:status code=500", status: 502, code: "upstream_error" },
    { prompt: "mock:status code=400", status: 502, code: "upstream_error" },
    { prompt: "mock:plain first=3000", status: 504, code: "timeout" },
  ])("$prompt → $status $code", async ({ prompt, status, code }) => {
    const response = await route.POST(chatRequest({ messages: userMessage(prompt), stream: false }));
    const text = await response.clone().text();
    await expectError(response, status, code);
    expect(text).not.toContain("sk-mock");
    if (status === 429) expect(response.headers.get("retry-after")).toBe("3");
  });
});
