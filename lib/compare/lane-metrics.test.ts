import { describe, expect, it } from "vitest";
import { countCharacters, laneMetrics, spreadOf } from "@/lib/compare/lane-metrics";

describe("laneMetrics", () => {
  const streamed = [
    { atMs: 16, characters: 0 },
    { atMs: 420, characters: 5 },
    { atMs: 436, characters: 12 },
    { atMs: 1_420, characters: 80 },
  ];

  it("takes the first characters on screen as the first token and the last update as the total", () => {
    expect(laneMetrics(streamed, { streamed: true, tokens: 21 })).toEqual({ firstTokenMs: 420, totalMs: 1_420, characters: 80, tokens: 21, tokensPerSecond: 20 });
  });

  it("counts a streamed reasoning model's tokens from its reasoning's first on screen: they include the reasoning's", () => {
    expect(laneMetrics(streamed, { streamed: true, tokens: 41, reasoningFirstMs: 20 })).toMatchObject({ firstTokenMs: 420, reasoningFirstMs: 20, tokensPerSecond: 40 / 1.4 });
  });

  it("counts a whole answer that appeared at once over the whole wait", () => {
    expect(laneMetrics([{ atMs: 2_000, characters: 80 }], { streamed: false, tokens: 20 })).toEqual({
      firstTokenMs: 2_000,
      totalMs: 2_000,
      characters: 80,
      tokens: 20,
      tokensPerSecond: 10,
    });
  });

  it("leaves out what it cannot know", () => {
    expect(laneMetrics([], { streamed: true })).toEqual({ characters: 0, firstTokenMs: undefined, totalMs: undefined, tokens: undefined });
    expect(laneMetrics([{ atMs: 500, characters: 3 }], { streamed: true, tokens: 1 }).tokensPerSecond).toBeUndefined();
    expect(laneMetrics([{ atMs: 500, characters: 0 }], { streamed: false, tokens: 0 }).firstTokenMs).toBeUndefined();
  });
});

describe("countCharacters", () => {
  it("counts code points, so an astral character is one", () => {
    expect(countCharacters("日本😀a")).toBe(4);
    expect(countCharacters("")).toBe(0);
  });
});

describe("spreadOf", () => {
  it("gives the median, min and max of the known values", () => {
    expect(spreadOf([300, 100, undefined, 200])).toEqual({ median: 200, min: 100, max: 300, count: 3 });
    expect(spreadOf([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, count: 4 });
  });

  it("is undefined with nothing to go on", () => {
    expect(spreadOf([undefined, Number.NaN])).toBeUndefined();
  });
});
