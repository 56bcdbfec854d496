import { afterEach, describe, expect, test, vi } from "vitest";
import { followAnswer } from "@/lib/server/follow-answer";
import type { AnswerFollower } from "@/lib/shared-state/answer-log";

afterEach(() => {
  vi.useRealTimers();
});

/** A follower of an answer whose model is silent: its read never resolves. */
function silentFollower(): AnswerFollower & { closed: boolean } {
  const follower = {
    closed: false,
    read: () => new Promise<never>(() => undefined),
    close: () => {
      follower.closed = true;
    },
  };
  return follower;
}

describe("followAnswer", () => {
  test("pings once per heartbeat while the answer is silent, and leaves no timer once the client is gone", async () => {
    vi.useFakeTimers();
    const follower = silentFollower();
    const reader = followAnswer(follower, 100, new AbortController().signal).getReader();
    const decoder = new TextDecoder();
    let received = "";
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += decoder.decode(value);
      }
    })();
    await vi.advanceTimersByTimeAsync(450);
    expect(received).toBe(": ping\n\n".repeat(4));
    await reader.cancel();
    await reading;
    expect(follower.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
