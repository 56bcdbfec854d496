import { describe, expect, it } from "vitest";
import type { ChatEvent } from "@/lib/chat/events";
import type { ChatRequestInput } from "@/lib/chat/schema";
import type { CompleteAnswer } from "@/lib/client/chat-stream";
import { createCompareStore } from "@/lib/store/compare";
import { settle } from "@/lib/store/testing/chat-store-harness";

/** A compare store whose two answers, frames and clock the test drives by hand. */
function harness() {
  const frames: Array<() => void> = [];
  const streams: Array<{ request: ChatRequestInput; push(event: ChatEvent | "end" | Error): Promise<void> }> = [];
  const completions: Array<{ request: ChatRequestInput; resolve(answer: CompleteAnswer): Promise<void> }> = [];
  let time = 0;
  const store = createCompareStore({
    streamChat(request, { signal }) {
      const queue: Array<ChatEvent | "end" | Error> = [];
      let wake: (() => void) | undefined;
      signal?.addEventListener("abort", () => wake?.());
      streams.push({ request, push: async (step) => (queue.push(step), wake?.(), settle()) });
      return (async function* () {
        for (;;) {
          while (queue.length === 0 && !signal?.aborted) await new Promise<void>((resolve) => (wake = resolve));
          signal?.throwIfAborted();
          const step = queue.shift();
          if (step === "end") return;
          if (step instanceof Error) throw step;
          if (step) yield step;
        }
      })();
    },
    completeChat(request, { signal }) {
      return new Promise((resolve, reject) => {
        signal?.addEventListener("abort", () => reject(signal.reason));
        completions.push({ request, resolve: async (answer) => (resolve(answer), settle()) });
      });
    },
    scheduleFrame: (callback) => void frames.push(callback),
    now: () => time,
  });
  return {
    store,
    streams,
    completions,
    state: () => store.getState(),
    /** Moves the clock to `ms` and paints a frame there. */
    async frameAt(ms: number) {
      time = ms;
      for (const callback of frames.splice(0)) callback();
      await settle();
    },
    setTime: (ms: number) => void (time = ms),
  };
}

const answer = (content: string, tokens?: number): CompleteAnswer => ({
  id: "a",
  model: "m",
  content,
  finish_reason: "stop",
  ...(tokens === undefined ? {} : { usage: { prompt_tokens: 1, completion_tokens: tokens, total_tokens: tokens + 1 } }),
});

async function streamWhole(compare: ReturnType<typeof harness>, index: number, pieces: string[], at: number[]) {
  const stream = compare.streams[index];
  for (const [position, piece] of pieces.entries()) {
    compare.setTime(at[position] ?? 0);
    await stream?.push({ type: "delta", content: piece });
    await compare.frameAt((at[position] ?? 0) + 5);
  }
}

describe("the compare store", () => {
  it("sends the same prompt twice at once, streamed and whole, and times each as it reaches the screen", async () => {
    const compare = harness();
    const running = compare.state().run({ prompt: "Hello", model: "demo-fast", runs: 1 });
    await settle();
    expect(compare.streams).toHaveLength(1);
    expect(compare.completions).toHaveLength(1);
    expect(compare.streams[0]?.request).toEqual({ messages: [{ role: "user", content: "Hello" }], model: "demo-fast" });
    expect(compare.completions[0]?.request).toEqual(compare.streams[0]?.request);

    // Two deltas in one frame are put on screen together, at the frame's moment.
    compare.setTime(400);
    await compare.streams[0]?.push({ type: "delta", content: "Hel" });
    compare.setTime(405);
    await compare.streams[0]?.push({ type: "delta", content: "lo 😀" });
    expect(compare.state().lanes.streaming.text).toBe("");
    await compare.frameAt(416);
    expect(compare.state().lanes.streaming).toMatchObject({ status: "streaming", text: "Hello 😀", characters: 7, arrivals: [400, 405], screen: [{ atMs: 416, characters: 7 }] });
    expect(compare.state().lanes.nonStreaming).toMatchObject({ status: "waiting", text: "" });
    expect(compare.state().elapsedMs).toBe(416);

    await streamWhole(compare, 0, ["!"], [600]);
    await compare.streams[0]?.push({ type: "usage", prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 });
    await compare.streams[0]?.push("end");
    await compare.frameAt(620);
    expect(compare.state().lanes.streaming).toMatchObject({ status: "done", text: "Hello 😀!", tokens: 3, endedMs: 620 });

    compare.setTime(900);
    await compare.completions[0]?.resolve(answer("Hello 😀!", 3));
    expect(compare.state().lanes.nonStreaming.text).toBe("");
    await compare.frameAt(910);
    await running;
    expect(compare.state().lanes.nonStreaming).toMatchObject({ status: "done", text: "Hello 😀!", screen: [{ atMs: 910, characters: 8 }] });
    expect(compare.state().phase).toBe("finished");
    expect(compare.state().results).toEqual([
      {
        streaming: { firstTokenMs: 416, totalMs: 605, characters: 8, tokens: 3, tokensPerSecond: 2 / 0.189 },
        nonStreaming: { firstTokenMs: 910, totalMs: 910, characters: 8, tokens: 3, tokensPerSecond: 3 / 0.91 },
      },
    ]);
  });

  it("a reasoning model's reasoning: streamed, on screen at its frame, before and apart from the answer; whole, with the answer", async () => {
    const compare = harness();
    const running = compare.state().run({ prompt: "Why?", runs: 1 });
    await settle();
    compare.setTime(500);
    await compare.streams[0]?.push({ type: "reasoning", content: "Let me " });
    await compare.streams[0]?.push({ type: "reasoning", content: "think." });
    await compare.frameAt(510);
    // Not the answer: no first token, no characters on the chart.
    expect(compare.state().lanes.streaming).toMatchObject({ status: "waiting", text: "", reasoning: "Let me think.", reasoningFirstMs: 510, characters: 0, screen: [] });
    await streamWhole(compare, 0, ["Because."], [4_000]);
    await compare.streams[0]?.push("end");
    await compare.frameAt(4_020);
    compare.setTime(4_500);
    await compare.completions[0]?.resolve({ ...answer("Because."), reasoning: "Let me think." });
    await compare.frameAt(4_510);
    await running;
    expect(compare.state().lanes.nonStreaming).toMatchObject({ text: "Because.", reasoning: "Let me think.", reasoningFirstMs: 4_510 });
    expect(compare.state().results[0]?.streaming).toMatchObject({ firstTokenMs: 4_005, reasoningFirstMs: 510 });
  });

  it("reasoning written into the answer between <think> tags is timed and shown as reasoning sent apart is, in both lanes", async () => {
    const compare = harness();
    const running = compare.state().run({ prompt: "Why?", runs: 1 });
    await settle();
    compare.setTime(500);
    await compare.streams[0]?.push({ type: "delta", content: "<thi" });
    await compare.streams[0]?.push({ type: "delta", content: "nk>Let me think." });
    await compare.frameAt(510);
    expect(compare.state().lanes.streaming).toMatchObject({ status: "waiting", text: "", reasoning: "Let me think.", reasoningFirstMs: 510, characters: 0, screen: [] });
    compare.setTime(4_000);
    await compare.streams[0]?.push({ type: "delta", content: "</think>\n\nBecause." });
    await compare.streams[0]?.push("end");
    await compare.frameAt(4_010);
    compare.setTime(4_500);
    await compare.completions[0]?.resolve(answer("<think>Let me think.</think>\n\nBecause."));
    await compare.frameAt(4_510);
    await running;
    expect(compare.state().lanes.streaming).toMatchObject({ text: "Because.", reasoning: "Let me think.", characters: 8 });
    expect(compare.state().lanes.nonStreaming).toMatchObject({ text: "Because.", reasoning: "Let me think.", reasoningFirstMs: 4_510, characters: 8 });
    expect(compare.state().results[0]?.streaming).toMatchObject({ firstTokenMs: 4_010, reasoningFirstMs: 510, characters: 8 });
  });

  it("repeats the run and keeps each run's result for the spread", async () => {
    const compare = harness();
    const running = compare.state().run({ prompt: "Hi", runs: 3 });
    for (let run = 0; run < 3; run += 1) {
      // Each run starts when the one before ends: at 0, 1000 and 2000 ms on this clock.
      const base = 1_000 * run;
      await settle();
      expect(compare.state().runNumber).toBe(run + 1);
      await streamWhole(compare, run, ["a", "b"], [base + 100 * (run + 1), base + 200 * (run + 1)]);
      await compare.streams[run]?.push("end");
      await compare.completions[run]?.resolve(answer("ab", 2));
      await compare.frameAt(base + 1_000);
    }
    await running;
    expect(compare.state().phase).toBe("finished");
    expect(compare.state().results.map((result) => result.streaming.firstTokenMs)).toEqual([105, 205, 305]);
    expect(compare.state().results.map((result) => result.nonStreaming.totalMs)).toEqual([1_000, 1_000, 1_000]);
  });

  it("stops both lanes at once, keeping what each showed", async () => {
    const compare = harness();
    const running = compare.state().run({ prompt: "Hi", runs: 5 });
    await settle();
    await streamWhole(compare, 0, ["Partial"], [50]);
    compare.state().stop();
    await running;
    expect(compare.state().phase).toBe("stopped");
    expect(compare.state().lanes.streaming).toMatchObject({ status: "stopped", text: "Partial" });
    expect(compare.state().lanes.nonStreaming).toMatchObject({ status: "stopped", text: "" });
    expect(compare.state().results).toEqual([]);
    expect(compare.streams).toHaveLength(1);
  });

  it("shows a lane's error and runs no more", async () => {
    const compare = harness();
    const running = compare.state().run({ prompt: "Hi", runs: 3 });
    await settle();
    await compare.streams[0]?.push({ type: "error", code: "rate_limited", message: "Too many requests. Try again.", retryable: true });
    await compare.completions[0]?.resolve(answer("whole"));
    await compare.frameAt(100);
    await running;
    expect(compare.state().phase).toBe("failed");
    expect(compare.state().lanes.streaming).toMatchObject({ status: "error", error: { code: "rate_limited", message: "Too many requests. Try again." } });
    expect(compare.state().lanes.nonStreaming).toMatchObject({ status: "done", text: "whole" });
    expect(compare.streams).toHaveLength(1);
  });

  it("counts deltas as tokens when the server reports no usage, and ignores an empty prompt", async () => {
    const compare = harness();
    await compare.state().run({ prompt: "  ", runs: 1 });
    expect(compare.streams).toHaveLength(0);
    const running = compare.state().run({ prompt: "Hi", runs: 1 });
    await settle();
    await streamWhole(compare, 0, ["a", "b", "c"], [10, 20, 30]);
    await compare.streams[0]?.push("end");
    await compare.completions[0]?.resolve(answer("abc"));
    await compare.frameAt(40);
    await running;
    expect(compare.state().lanes.streaming.tokens).toBe(3);
    expect(compare.state().lanes.nonStreaming.tokens).toBeUndefined();
  });
});
