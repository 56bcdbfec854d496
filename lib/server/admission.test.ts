import { describe, expect, it } from "vitest";
import { Admission } from "@/lib/server/admission";
import { ChatError } from "@/lib/server/chat-error";
import { memoryCounters } from "@/lib/shared-state/shared-counters";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

async function refusal(admit: () => Promise<unknown>): Promise<ChatError> {
  try {
    await admit();
  } catch (error) {
    if (error instanceof ChatError) return error;
    throw error;
  }
  throw new Error("the request was admitted");
}

describe("Admission", () => {
  it("admits rateLimitPerMinute requests a minute from one client, then refuses with 429 and Retry-After", async () => {
    const time = clock();
    const admission = new Admission({ maxConcurrent: 100, rateLimitPerMinute: 2 }, memoryCounters(time.now));
    (await admission.admit("a"))();
    time.advance(20_000);
    (await admission.admit("a"))();

    const refused = await refusal(() => admission.admit("a"));
    expect(refused).toMatchObject({ code: "rate_limited", status: 429, retryable: true, retryAfterSeconds: 40 });
    expect(refused.toResponse().headers.get("retry-after")).toBe("40");
    await expect(admission.admit("b")).resolves.toBeTypeOf("function");
  });

  it("counts a client afresh once its minute is over", async () => {
    const time = clock();
    const admission = new Admission({ maxConcurrent: 100, rateLimitPerMinute: 1 }, memoryCounters(time.now));
    (await admission.admit("a"))();
    expect((await refusal(() => admission.admit("a"))).code).toBe("rate_limited");
    time.advance(60_000);
    await expect(admission.admit("a")).resolves.toBeTypeOf("function");
  });

  it("does not limit the rate when rateLimitPerMinute is 0", async () => {
    const admission = new Admission({ maxConcurrent: 1_000, rateLimitPerMinute: 0 });
    for (let count = 0; count < 500; count += 1) (await admission.admit("a"))();
  });

  it("refuses with 503 overloaded while maxConcurrent answers are in flight, and admits again once one ends", async () => {
    const admission = new Admission({ maxConcurrent: 2, rateLimitPerMinute: 0 });
    const first = await admission.admit("a");
    await admission.admit("b");

    const refused = await refusal(() => admission.admit("c"));
    expect(refused).toMatchObject({ code: "overloaded", status: 503, retryable: true });
    expect(refused.toResponse().headers.get("retry-after")).toEqual(expect.stringMatching(/^\d+$/));

    first();
    first();
    await admission.admit("c");
    expect((await refusal(() => admission.admit("d"))).code).toBe("overloaded");
  });
});
