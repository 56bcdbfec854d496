import { describe, expect, it } from "vitest";
import { Admission } from "@/lib/server/admission";
import { ChatError } from "@/lib/server/chat-error";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

function refusal(admit: () => unknown): ChatError {
  try {
    admit();
  } catch (error) {
    if (error instanceof ChatError) return error;
    throw error;
  }
  throw new Error("the request was admitted");
}

describe("Admission", () => {
  it("admits rateLimitPerMinute requests a minute from one client, then refuses with 429 and Retry-After", () => {
    const time = clock();
    const admission = new Admission({ maxConcurrent: 100, rateLimitPerMinute: 2 }, time.now);
    admission.admit("a")();
    time.advance(20_000);
    admission.admit("a")();

    const refused = refusal(() => admission.admit("a"));
    expect(refused).toMatchObject({ code: "rate_limited", status: 429, retryable: true, retryAfterSeconds: 40 });
    expect(refused.toResponse().headers.get("retry-after")).toBe("40");
    expect(() => admission.admit("b")).not.toThrow();
  });

  it("counts a client afresh once its minute is over", () => {
    const time = clock();
    const admission = new Admission({ maxConcurrent: 100, rateLimitPerMinute: 1 }, time.now);
    admission.admit("a")();
    expect(refusal(() => admission.admit("a")).code).toBe("rate_limited");
    time.advance(60_000);
    expect(() => admission.admit("a")).not.toThrow();
  });

  it("does not limit the rate when rateLimitPerMinute is 0", () => {
    const admission = new Admission({ maxConcurrent: 1_000, rateLimitPerMinute: 0 });
    for (let count = 0; count < 500; count += 1) admission.admit("a")();
  });

  it("refuses with 503 overloaded while maxConcurrent answers are in flight, and admits again once one ends", () => {
    const admission = new Admission({ maxConcurrent: 2, rateLimitPerMinute: 0 });
    const first = admission.admit("a");
    admission.admit("b");

    const refused = refusal(() => admission.admit("c"));
    expect(refused).toMatchObject({ code: "overloaded", status: 503, retryable: true });
    expect(refused.toResponse().headers.get("retry-after")).toEqual(expect.stringMatching(/^\d+$/));

    first();
    first();
    admission.admit("c");
    expect(refusal(() => admission.admit("d")).code).toBe("overloaded");
  });
});
