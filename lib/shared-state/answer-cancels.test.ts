import { describe, expect, it } from "vitest";
import { MemoryAnswerCancels } from "@/lib/shared-state/answer-cancels";

describe("MemoryAnswerCancels", () => {
  it("tells the answer's listener once, however often it is cancelled", async () => {
    const cancels = new MemoryAnswerCancels();
    const answer = cancels.register("a");
    let heard = 0;
    answer.onCancel(() => (heard += 1));
    expect(heard).toBe(0);
    expect(await cancels.cancel("a")).toBe("cancelled");
    expect(await cancels.cancel("a")).toBe("cancelled");
    expect(heard).toBe(1);
  });

  it("tells a listener that comes after the cancel at once", async () => {
    const cancels = new MemoryAnswerCancels();
    const answer = cancels.register("a");
    expect(await cancels.cancel("a")).toBe("cancelled");
    let heard = false;
    answer.onCancel(() => (heard = true));
    expect(heard).toBe(true);
  });

  it("an ended answer is 'ended' for a while, and its listener hears nothing more; an id never seen is 'unknown'", async () => {
    let now = 0;
    const cancels = new MemoryAnswerCancels(() => now);
    const answer = cancels.register("a");
    let heard = false;
    answer.onCancel(() => (heard = true));
    answer.end();
    expect(await cancels.cancel("a")).toBe("ended");
    expect(heard).toBe(false);
    now += 10 * 60_000;
    expect(await cancels.cancel("a")).toBe("unknown");
    expect(await cancels.cancel("b")).toBe("unknown");
  });
});
