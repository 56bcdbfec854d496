import { describe, expect, test } from "vitest";
import type { ChatEvent } from "@/lib/chat/events";
import { decodeSse, type SseMessage } from "@/lib/sse/decode";
import { doneBytes, encodeEvent, pingBytes, sseHeaders } from "@/lib/sse/encode";

const textDecoder = new TextDecoder();

function textOf(bytes: Uint8Array): string {
  return textDecoder.decode(bytes);
}

async function decodeAll(...parts: Uint8Array[]): Promise<SseMessage[]> {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
  const messages: SseMessage[] = [];
  for await (const message of decodeSse(body)) messages.push(message);
  return messages;
}

/** The lines an SSE client sees: CR, LF and CRLF all end a line (U+2028 does not). */
function sseLines(bytes: Uint8Array): string[] {
  return textOf(bytes).split(/\r\n|\r|\n/);
}

describe("encodeEvent", () => {
  test.each<{ id: number; event: ChatEvent; wire: string }>([
    { id: 0, event: { type: "start", id: "chat-1", model: "gpt-test" }, wire: 'id: 0\nevent: start\ndata: {"id":"chat-1","model":"gpt-test"}\n\n' },
    { id: 1, event: { type: "delta", content: "Hello" }, wire: 'id: 1\nevent: delta\ndata: {"content":"Hello"}\n\n' },
    { id: 1, event: { type: "reasoning", content: "Let me \"think\"\n" }, wire: 'id: 1\nevent: reasoning\ndata: {"content":"Let me \\"think\\"\\n"}\n\n' },
    {
      id: 2,
      event: { type: "usage", prompt_tokens: 3, completion_tokens: 5, total_tokens: 8 },
      wire: 'id: 2\nevent: usage\ndata: {"prompt_tokens":3,"completion_tokens":5,"total_tokens":8}\n\n',
    },
    { id: 3, event: { type: "finish", finish_reason: "stop" }, wire: 'id: 3\nevent: finish\ndata: {"finish_reason":"stop"}\n\n' },
    {
      id: 4,
      event: { type: "error", code: "timeout", message: "The model sent nothing for too long.", retryable: true },
      wire: 'id: 4\nevent: error\ndata: {"code":"timeout","message":"The model sent nothing for too long.","retryable":true}\n\n',
    },
  ])("writes $event.type as id, event name and one line of JSON without the type", ({ id, event, wire }) => {
    expect(textOf(encodeEvent(id, event))).toBe(wire);
  });

  test("ids are written as given, however large", () => {
    expect(textOf(encodeEvent(123456, { type: "delta", content: "" }))).toBe('id: 123456\nevent: delta\ndata: {"content":""}\n\n');
  });

  test.each([
    { name: "LF", content: "one\ntwo\n" },
    { name: "CR", content: "one\rtwo\r" },
    { name: "CRLF", content: "one\r\ntwo\r\n" },
    { name: "U+2028 and U+2029", content: "one\u2028two\u2029three" },
    { name: "a blank line", content: "paragraph\n\nparagraph" },
    { name: "text that looks like SSE", content: "\n\ndata: [DONE]\n\nevent: error\n" },
  ])("content with $name stays on exactly one data line", ({ content }) => {
    const lines = sseLines(encodeEvent(7, { type: "delta", content }));
    // id, event, data, then the blank line (and the empty rest after the final newline).
    expect(lines).toHaveLength(5);
    expect(lines.filter((line) => line.startsWith("data:"))).toHaveLength(1);
    expect(lines.slice(3)).toEqual(["", ""]);
  });

  test.each([
    { name: "CJK", content: "日本語の文章と한국어 문장，中文标点。" },
    { name: "emoji", content: "👩‍👩‍👧‍👦 🇯🇵 🧑🏽‍💻 ❤️‍🔥" },
    { name: "a lone high surrogate", content: "before \uD83D after" },
    { name: "a lone low surrogate", content: "\uDE00 alone" },
    { name: "quotes and backslashes", content: 'He said "hi" \\ C:\\path\\ \\n is not a newline \\"' },
    { name: "a closing script tag", content: "</script><script>alert(1)</script>" },
    { name: "control characters", content: "\u0000\u0001\t\b\f\u001f\u007f" },
    { name: "line separators", content: "a\r\nb\rc\nd\u2028e\u2029f" },
    { name: "the done sentinel as text", content: "[DONE]" },
    { name: "empty", content: "" },
  ])("$name comes back the same after encode, decodeSse and JSON.parse", async ({ content }) => {
    const messages = await decodeAll(encodeEvent(0, { type: "delta", content }), doneBytes);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.event).toBe("delta");
    expect(JSON.parse(messages[0]?.data ?? "null")).toEqual({ content });
    expect(messages[1]?.data).toBe("[DONE]");
  });

  test("a lone surrogate is written as a JSON escape, so it is not lost to U+FFFD on the wire", () => {
    expect(textOf(encodeEvent(0, { type: "delta", content: "\uD83D" }))).toContain('{"content":"\\ud83d"}');
  });

  test("an error event keeps retry_after when known", async () => {
    const event: ChatEvent = { type: "error", code: "rate_limited", message: "Slow down.", retryable: true, retry_after: 20 };
    const [message] = await decodeAll(encodeEvent(9, event));
    expect(message).toEqual({ id: "9", event: "error", data: '{"code":"rate_limited","message":"Slow down.","retryable":true,"retry_after":20}' });
  });
});

describe("fixed byte sequences", () => {
  test("doneBytes is the plain data: [DONE] line and a blank line", async () => {
    expect(textOf(doneBytes)).toBe("data: [DONE]\n\n");
    expect(await decodeAll(doneBytes)).toEqual([{ data: "[DONE]" }]);
  });

  test("pingBytes is a comment that clients ignore", async () => {
    expect(textOf(pingBytes)).toBe(": ping\n\n");
    const messages = await decodeAll(pingBytes, encodeEvent(0, { type: "delta", content: "x" }), pingBytes, doneBytes);
    expect(messages.map((message) => message.data)).toEqual(['{"content":"x"}', "[DONE]"]);
  });
});

describe("sseHeaders", () => {
  test("has exactly the protocol's three headers", () => {
    expect(sseHeaders).toEqual({
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    });
  });
});
