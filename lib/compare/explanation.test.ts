import { describe, expect, it } from "vitest";
import { arrivedInOneBurst, explainComparison, explanationLocales, introText } from "@/lib/compare/explanation";

const typical = { streamingFirstMs: 420, streamingTotalMs: 5_200, wholeTotalMs: 5_260, runs: 1, streamedInOneBurst: false };

describe("explainComparison", () => {
  it("says what was seen, and that streaming changes the wait, not the total", () => {
    expect(explainComparison("en", typical)).toEqual([
      "The streamed answer began to appear after 0.4 s and was complete after 5.2 s. The other showed nothing for 5.3 s, then appeared all at once.",
      "Both took about as long: streaming does not make the model faster. What it changes is the wait. You could start reading 4.8 s sooner, and you could see all along that something was happening.",
    ]);
  });

  it("says the same in Japanese and Korean", () => {
    expect(explainComparison("ja", typical)[0]).toBe(
      "ストリーミングの答えは0.4秒後に表示され始め、5.2秒後に完成しました。もう片方は5.3秒のあいだ何も表示されず、そのあと一度に現れました。",
    );
    expect(explainComparison("ko", typical)[1]).toContain("4.8초 먼저 읽기 시작할 수 있고");
  });

  it("suspects buffering when the streamed answer's chunks came all at once", () => {
    const [, second] = explainComparison("en", { ...typical, streamingFirstMs: 5_190, streamedInOneBurst: true });
    expect(second).toMatch(/holding it back/);
  });

  it("does not suspect a model that thinks long and writes briefly", () => {
    expect(explainComparison("en", { ...typical, streamingFirstMs: 4_070, streamingTotalMs: 5_000, wholeTotalMs: 5_050 })[1]).toMatch(/^Both took about as long/);
  });

  it("only counts the head start when the totals differ", () => {
    expect(explainComparison("en", { ...typical, wholeTotalMs: 9_000 })[1]).toBe("With streaming you could start reading 8.6 s sooner.");
  });

  it("a reasoning model streamed: its reasoning was seen long before the answer's first words", () => {
    const paragraphs = explainComparison("en", { ...typical, streamingFirstMs: 4_030, streamingTotalMs: 9_000, wholeTotalMs: 9_050, streamingReasoningMs: 520 });
    expect(paragraphs[1]).toBe(
      "This model reasons before it answers. Streamed, its reasoning was on screen after 0.5 s, 3.5 s before the answer's first words: you could watch it think. Without streaming, the reasoning came only with the whole answer.",
    );
    expect(explainComparison("ja", { ...typical, streamingFirstMs: 4_030, streamingReasoningMs: 520 })[1]).toContain("0.5秒後に表示され");
    // No reasoning, or none before the answer: nothing is said of it.
    expect(explainComparison("en", { ...typical, streamingReasoningMs: 900 }).join(" ")).not.toContain("reasons");
  });

  it("adds the medians of several runs", () => {
    expect(explainComparison("en", { ...typical, runs: 5 }).at(-1)).toBe("Over 5 runs, the median wait for the first words was 0.4 s with streaming and 5.3 s without.");
  });

  it("has every text in every locale", () => {
    for (const locale of explanationLocales) {
      expect(introText(locale).length).toBeGreaterThan(50);
      expect(explainComparison(locale, { ...typical, runs: 3 })).toHaveLength(3);
    }
  });
});

describe("arrivedInOneBurst", () => {
  const paced = Array.from({ length: 40 }, (_, index) => 400 + index * 8);
  const burst = Array.from({ length: 40 }, (_, index) => 5_000 + index * 0.2);

  it("tells chunks let go together from chunks written one by one", () => {
    expect(arrivedInOneBurst(burst)).toBe(true);
    expect(arrivedInOneBurst(paced)).toBe(false);
  });

  it("says nothing of a short answer", () => {
    expect(arrivedInOneBurst(burst.slice(0, 5))).toBe(false);
    expect(arrivedInOneBurst([])).toBe(false);
  });
});
