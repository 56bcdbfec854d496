import { describe, expect, test } from "vitest";
import { chatEventSchema } from "@/lib/chat/events";
import { chatRequestSchema, describeSchemaError, requestLimits } from "@/lib/chat/schema";

const hello = { role: "user", content: "Hello" } as const;

/** What the route would put in the 400 body's `message`, or undefined when the request is accepted. */
function problemWith(body: unknown): string | undefined {
  const result = chatRequestSchema.safeParse(body);
  return result.success ? undefined : describeSchemaError(result.error);
}

describe("chatRequestSchema accepts", () => {
  test("a minimal request, filling in the defaults", () => {
    expect(chatRequestSchema.parse({ messages: [hello] })).toEqual({ messages: [hello], stream: true, resumable: false });
  });

  test("every optional field, as given", () => {
    const request = {
      messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }, { role: "assistant", content: "Hello." }, hello],
      model: "gpt-test",
      stream: false,
      temperature: 0.7,
      max_tokens: 512,
      resumable: true,
    };
    expect(chatRequestSchema.parse(request)).toEqual(request);
  });

  test("unknown fields, dropping them (at the top and in messages)", () => {
    const parsed = chatRequestSchema.parse({ messages: [{ ...hello, name: "Ann" }], user: "someone", top_p: 0.5 });
    expect(parsed).toEqual({ messages: [hello], stream: true, resumable: false });
  });

  test.each([0, 2, 1.25])("temperature %d (the bounds are inclusive)", (temperature) => {
    expect(problemWith({ messages: [hello], temperature })).toBeUndefined();
  });

  test("max_tokens 1, an empty earlier message, and exactly the limits", () => {
    expect(problemWith({ messages: [{ role: "assistant", content: "" }, hello], max_tokens: 1 })).toBeUndefined();
    const many = Array.from({ length: requestLimits.maxMessages }, () => hello);
    expect(problemWith({ messages: many })).toBeUndefined();
    expect(problemWith({ messages: [{ role: "user", content: "x".repeat(requestLimits.maxTotalCharacters) }] })).toBeUndefined();
  });
});

describe("questions with images (added to the protocol)", () => {
  const image = (url = "data:image/jpeg;base64,/9j/4AAQ+/A=") => ({ type: "image_url", image_url: { url } });
  const text = (value: string) => ({ type: "text", text: value });

  test("text and images in order, as Chat Completions' content parts, kept as given", () => {
    const question = { role: "user", content: [text("What is "), image(), text(" and this?"), { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=", detail: "low" } }] };
    expect(chatRequestSchema.parse({ messages: [question] }).messages).toEqual([question]);
  });

  test("an image alone is a question; images count toward their own limit, not the characters'", () => {
    expect(problemWith({ messages: [{ role: "user", content: [image()] }] })).toBeUndefined();
    const withImage = { role: "user", content: [text("x".repeat(requestLimits.maxTotalCharacters)), image()] };
    expect(problemWith({ messages: [withImage] })).toBeUndefined();
    const images = Array.from({ length: requestLimits.maxImages }, () => image());
    expect(problemWith({ messages: [{ role: "user", content: images }] })).toBeUndefined();
  });

  test.each([
    { name: "an image given by address", content: [image("https://example.com/cat.png")], field: "messages.0.content.0.image_url.url" },
    { name: "a data: URL of something else", content: [image("data:text/html;base64,PGgxPg==")], field: "messages.0.content.0.image_url.url" },
    { name: "a data: URL not in base64", content: [image("data:image/svg+xml,<svg onload=alert(1)>")], field: "messages.0.content.0.image_url.url" },
    { name: "a part of an unknown type", content: [{ type: "input_audio", input_audio: { data: "AAAA", format: "wav" } }], field: "messages.0.content" },
    { name: "no parts", content: [], field: "messages.0.content" },
    { name: "blank text and no image", content: [text("  ")], field: "messages.0.content" },
  ])("refused: $name", ({ content, field }) => {
    expect(problemWith({ messages: [{ role: "user", content }] })?.startsWith(`${field}: `)).toBe(true);
  });

  test("refused: images in a system prompt or an answer, and too many images in all", () => {
    expect(problemWith({ messages: [{ role: "system", content: [image()] }, hello] })).toMatch(/^messages\.0\.content: /);
    expect(problemWith({ messages: [{ role: "assistant", content: [text("Hi")] }, hello] })).toMatch(/^messages\.0\.content: /);
    const images = Array.from({ length: requestLimits.maxImages }, () => image());
    expect(problemWith({ messages: [{ role: "user", content: images }, { role: "assistant", content: "Ok." }, { role: "user", content: [text("and"), image()] }] })).toBe(
      `messages: the messages hold ${requestLimits.maxImages + 1} images; at most ${requestLimits.maxImages} are accepted`,
    );
  });
});

describe("chatRequestSchema rejects, naming the field", () => {
  const tooMany = Array.from({ length: requestLimits.maxMessages + 1 }, () => hello);
  const tooLong = [
    { role: "user", content: "x".repeat(requestLimits.maxTotalCharacters / 2) },
    { role: "user", content: "x".repeat(requestLimits.maxTotalCharacters / 2 + 1) },
  ];

  test.each([
    { name: "a body that is not an object", body: null, field: "body", says: undefined },
    { name: "missing messages", body: {}, field: "messages", says: undefined },
    { name: "messages not an array", body: { messages: "Hello" }, field: "messages", says: undefined },
    { name: "an empty messages array", body: { messages: [] }, field: "messages", says: "at least one message is required" },
    { name: "a wrong role", body: { messages: [{ role: "robot", content: "Hi" }] }, field: "messages.0.role", says: undefined },
    { name: "a missing role", body: { messages: [{ content: "Hi" }] }, field: "messages.0.role", says: undefined },
    { name: "non-string content", body: { messages: [hello, { role: "user", content: 42 }] }, field: "messages.1.content", says: undefined },
    { name: "null content", body: { messages: [{ role: "user", content: null }] }, field: "messages.0.content", says: undefined },
    {
      name: "a last message not from the user",
      body: { messages: [hello, { role: "assistant", content: "Hi" }] },
      field: "messages.1.role",
      says: "the last message must come from the user",
    },
    { name: "an empty last message", body: { messages: [{ role: "user", content: "" }] }, field: "messages.0.content", says: "the last message must not be empty" },
    { name: "a blank last message", body: { messages: [{ role: "user", content: " \n\t " }] }, field: "messages.0.content", says: "the last message must not be empty" },
    { name: "temperature below 0", body: { messages: [hello], temperature: -0.1 }, field: "temperature", says: undefined },
    { name: "temperature above 2", body: { messages: [hello], temperature: 2.01 }, field: "temperature", says: undefined },
    { name: "temperature as a string", body: { messages: [hello], temperature: "0.5" }, field: "temperature", says: undefined },
    { name: "max_tokens 0", body: { messages: [hello], max_tokens: 0 }, field: "max_tokens", says: undefined },
    { name: "max_tokens 1.5", body: { messages: [hello], max_tokens: 1.5 }, field: "max_tokens", says: undefined },
    { name: "max_tokens negative", body: { messages: [hello], max_tokens: -5 }, field: "max_tokens", says: undefined },
    { name: "an empty model", body: { messages: [hello], model: "" }, field: "model", says: undefined },
    { name: "a model id too long", body: { messages: [hello], model: "m".repeat(requestLimits.maxModelIdLength + 1) }, field: "model", says: undefined },
    { name: "stream not a boolean", body: { messages: [hello], stream: "yes" }, field: "stream", says: undefined },
    { name: "too many messages", body: { messages: tooMany }, field: "messages", says: `at most ${requestLimits.maxMessages} messages are accepted` },
    {
      name: "too many characters in all",
      body: { messages: tooLong },
      field: "messages",
      says: `the messages hold ${requestLimits.maxTotalCharacters + 1} characters; at most ${requestLimits.maxTotalCharacters} are accepted`,
    },
  ])("$name", ({ body, field, says }) => {
    const problem = problemWith(body);
    expect(problem).toBeDefined();
    expect(problem?.startsWith(`${field}: `), problem).toBe(true);
    if (says !== undefined) expect(problem).toBe(`${field}: ${says}`);
  });
});

describe("chatEventSchema", () => {
  test.each([
    { type: "start", id: "chat-1", model: "gpt-test" },
    { type: "delta", content: "" },
    { type: "delta", content: "日本語 👩‍👩‍👧‍👦\n" },
    { type: "usage", prompt_tokens: 0, completion_tokens: 2, total_tokens: 2 },
    { type: "finish", finish_reason: "stop" },
    { type: "finish", finish_reason: "cancelled" },
    { type: "error", code: "upstream_error", message: "The model failed.", retryable: false },
    { type: "error", code: "rate_limited", message: "Slow down.", retryable: true, retry_after: 12 },
  ])("accepts $type %#", (event) => {
    expect(chatEventSchema.parse(event)).toEqual(event);
  });

  test.each([
    { name: "an unknown type", event: { type: "thinking", content: "..." } },
    { name: "no type", event: { content: "Hello" } },
    { name: "start without a model", event: { type: "start", id: "chat-1" } },
    { name: "delta without content", event: { type: "delta" } },
    { name: "delta with numeric content", event: { type: "delta", content: 5 } },
    { name: "usage with a negative count", event: { type: "usage", prompt_tokens: -1, completion_tokens: 2, total_tokens: 1 } },
    { name: "usage with a fractional count", event: { type: "usage", prompt_tokens: 1.5, completion_tokens: 2, total_tokens: 3.5 } },
    { name: "usage missing total_tokens", event: { type: "usage", prompt_tokens: 1, completion_tokens: 2 } },
    { name: "finish without a reason", event: { type: "finish" } },
    { name: "error without retryable", event: { type: "error", code: "internal", message: "Oops." } },
    { name: "error with retryable as a string", event: { type: "error", code: "internal", message: "Oops.", retryable: "false" } },
    { name: "error with a negative retry_after", event: { type: "error", code: "rate_limited", message: "Wait.", retryable: true, retry_after: -1 } },
  ])("rejects $name", ({ event }) => {
    expect(chatEventSchema.safeParse(event).success).toBe(false);
  });
});
