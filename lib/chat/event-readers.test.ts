import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readChatEvent } from "@/lib/chat/event-readers";
import { chatEventSchema } from "@/lib/chat/events";

/** What the server's schema makes of an event: the page's reader must say the same. */
function bySchema(type: string | undefined, fields: unknown) {
  if (typeof fields !== "object" || fields === null) return undefined;
  const parsed = chatEventSchema.safeParse({ ...fields, type });
  return parsed.success ? parsed.data : undefined;
}

// Values of every JSON kind, and the edges the schema draws (negative, fractional, unsafe integers).
const value = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(Number.MAX_SAFE_INTEGER + 1),
  fc.constant(-0),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.string(), { maxKeys: 2 }),
);
const keys = ["id", "model", "content", "prompt_tokens", "completion_tokens", "total_tokens", "finish_reason", "code", "message", "retryable", "retry_after", "type", "extra"];
const fields = fc.oneof(
  fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 }),
  // Events that pass for sure, so that both answers are often an event, not only "invalid".
  fc.record({ prompt_tokens: fc.nat(9), completion_tokens: fc.nat(9), total_tokens: fc.nat(9), extra: value }, { requiredKeys: ["prompt_tokens", "completion_tokens", "total_tokens"] }),
  fc.record({ code: fc.string(), message: fc.string(), retryable: fc.boolean(), retry_after: fc.oneof(fc.nat(), fc.double({ noNaN: true })) }, { requiredKeys: ["code", "message", "retryable"] }),
  fc.record({ id: fc.string(), model: fc.string(), content: fc.string(), finish_reason: fc.string() }),
  value,
);
const type = fc.oneof(fc.constantFrom("start", "delta", "reasoning", "usage", "finish", "error", "toString", "__proto__", "ping"), fc.constant(undefined));

describe("readChatEvent, the page's reader of the protocol's events", () => {
  test("agrees with the server's schema (chatEventSchema) on any fields: the same event, unknown fields dropped, or none", () => {
    fc.assert(
      fc.property(type, fields, (name, data) => {
        expect(readChatEvent(name, data)).toEqual(bySchema(name, data));
      }),
      { numRuns: 5_000 },
    );
  });

  test("reads each event of the protocol", () => {
    expect(readChatEvent("delta", { content: "日本語 👩‍👩‍👧‍👦\n", index: 3 })).toEqual({ type: "delta", content: "日本語 👩‍👩‍👧‍👦\n" });
    expect(readChatEvent("reasoning", { content: "Let me think." })).toEqual({ type: "reasoning", content: "Let me think." });
    expect(readChatEvent("reasoning", { content: 3 })).toBeUndefined();
    expect(readChatEvent("error", { code: "rate_limited", message: "Slow down.", retryable: true, retry_after: 12 })).toEqual({
      type: "error",
      code: "rate_limited",
      message: "Slow down.",
      retryable: true,
      retry_after: 12,
    });
    expect(readChatEvent("usage", { prompt_tokens: 1.5, completion_tokens: 2, total_tokens: 3.5 })).toBeUndefined();
  });
});
