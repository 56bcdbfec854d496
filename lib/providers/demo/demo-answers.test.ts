import { describe, expect, it } from "vitest";
import { demoReasoningFor } from "@/lib/providers/demo/demo-reasoning";
import { demoAnswerFor, splitIntoTokens } from "@/lib/providers/demo/demo-answers";
import { demoModels, demoPacingFor } from "@/lib/providers/demo/demo-pacing";
import { mockTexts } from "@/mock/scenarios";

const trickyTexts = [
  "",
  "a",
  "Hello, world!",
  "  leading and trailing spaces  ",
  "line\nbreaks\r\nand\rreturns\t\ttabs",
  "👋🏽 👨‍👩‍👧‍👦 🇯🇵 🎉",
  "e\u0301 combining and ﬁ ligature",
  "𠮷野家で𩸽を食べた",
  "한국어와日本語とEnglishmixedtogether123456789",
  "supercalifragilisticexpialidocious",
  "🦀🦀🦀🦀🦀🦀",
  "`code` **bold** </script>",
  mockTexts.multilingual,
  ...["What is streaming?", "ストリーミング", "스트리밍", "code", "a formula", "hello", "anything else"].map(demoAnswerFor),
];

/** A deterministic pseudo-random string over code points that stress a tokenizer (astral, combining, CJK, spaces). */
function mixedText(seed: number): string {
  const pool = ["a", "Z", "9", " ", "\n", "\r\n", "é", "\u0301", "日", "本", "한", "😀", "🏽", "\u200d", "𠮷", "!", "\t"];
  let state = seed;
  let text = "";
  for (let index = 0; index < 60; index += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += pool[state % pool.length];
  }
  return text;
}

describe("splitIntoTokens", () => {
  it.each(trickyTexts.map((text) => [JSON.stringify(text).slice(0, 40), text]))("joins back to %s exactly", (_label, text) => {
    const tokens = splitIntoTokens(text);
    expect(tokens.join("")).toBe(text);
    for (const token of tokens) {
      expect(token.length).toBeGreaterThan(0);
      expect(token.isWellFormed()).toBe(true);
    }
  });

  it("never splits a surrogate pair in mixed text", () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const text = mixedText(seed);
      const tokens = splitIntoTokens(text);
      expect(tokens.join("")).toBe(text);
      expect(tokens.every((token) => token.isWellFormed())).toBe(true);
    }
  });

  it("keeps a lone surrogate as it is", () => {
    const text = "a\ud800b\udc00c";
    expect(splitIntoTokens(text).join("")).toBe(text);
  });

  it("cuts text into many token-sized pieces", () => {
    const tokens = splitIntoTokens("The quick brown fox jumps over the lazy dog");
    expect(tokens.length).toBeGreaterThanOrEqual(9);
    expect(tokens.every((token) => token.length <= 6)).toBe(true);
  });
});

describe("demoAnswerFor", () => {
  it("answers in the prompt's language", () => {
    expect(demoAnswerFor("ストリーミングとは？")).toMatch(/ストリーミング/);
    expect(demoAnswerFor("스트리밍이 뭐예요?")).toMatch(/스트리밍/);
    expect(demoAnswerFor("What is streaming?")).toMatch(/^## What streaming changes/);
  });

  it("answers in the language the prompt is written in, not in one it quotes a word of", () => {
    expect(demoAnswerFor("Explain streaming in a table, with 日本語 and an emoji 🚀")).toMatch(/^## What streaming changes/);
    expect(demoAnswerFor("How do you say 스트리밍 in English?")).toMatch(/^I am the \*\*offline demo model\*\*/);
    // Written in Japanese, with the names of things in Latin letters.
    expect(demoAnswerFor("Next.jsでSSEを使う方法を教えて")).toMatch(/^## ストリーミングとは/);
    expect(demoAnswerFor("React의 streaming은 어떻게 작동하나요?")).toMatch(/스트리밍/);
  });

  it("shows formulas when asked for math", () => {
    expect(demoAnswerFor("Write a formula")).toMatch(/^## The quadratic formula/);
    expect(demoAnswerFor("Solve this equation")).toContain("\\[\nx = \\frac{-b");
  });

  it("shows code and formulas asked for in Japanese or Korean too, in that language, the code and formulas the same", () => {
    const english = { code: demoAnswerFor("Show me some code"), math: demoAnswerFor("Write a formula") };
    const codeBlock = /```ts\n[^]*?\n```/.exec(english.code)?.[0];
    expect(codeBlock).toBeDefined();
    for (const [prompt, words] of [
      ["TypeScript でストリームを読むコード例を見せて", /の関数です/],
      ["TypeScript로 스트림을 읽는 코드 예시를 보여 주세요", /함수입니다/],
    ] as const) {
      expect(demoAnswerFor(prompt)).toMatch(words);
      expect(demoAnswerFor(prompt)).toContain(codeBlock);
    }
    expect(demoAnswerFor("二次方程式の解の公式を導いて")).toMatch(/^## 二次方程式の解の公式/);
    expect(demoAnswerFor("근의 공식을 수식으로 보여 주세요")).toMatch(/^## 근의 공식/);
    for (const answer of [demoAnswerFor("二次方程式の解の公式を導いて"), demoAnswerFor("근의 공식을 수식으로 보여 주세요")]) {
      expect(answer).toContain("\\[\nx = \\frac{-b");
      expect(answer).toContain("x_1 + x_2 = -\\frac{b}{a}");
    }
  });

  it("quotes a long unknown prompt shortened", () => {
    const answer = demoAnswerFor("x".repeat(200));
    expect(answer).toContain(`“${"x".repeat(80)}…”`);
  });
});

describe("demoPacingFor", () => {
  const custom = { firstTokenMs: 5, tokensPerSecond: 500 };

  it("uses the environment's pacing for the default model and unknown ids", () => {
    expect(demoPacingFor("demo", custom)).toEqual(custom);
    expect(demoPacingFor("not-a-demo-model", custom)).toEqual(custom);
    expect(demoPacingFor(undefined)).toEqual(demoModels[0]?.pacing);
  });

  it("keeps each preset's own pacing", () => {
    const slow = demoModels.find((model) => model.id === "demo-slow");
    expect(demoPacingFor("demo-slow", custom)).toEqual(slow?.pacing);
  });
});

describe("demoReasoningFor", () => {
  it("reasons in the question's language, quoting it, as the answers are in it", () => {
    expect(demoReasoningFor("What is streaming?")).toMatch(/^The question is “What is streaming\?”/);
    expect(demoReasoningFor("ストリーミングとは何ですか？")).toMatch(/^質問は「ストリーミングとは何ですか？」/);
    expect(demoReasoningFor("스트리밍이 뭐예요?")).toMatch(/^질문은 "스트리밍이 뭐예요\?"/);
    // An English question that quotes a word of Japanese is English.
    expect(demoReasoningFor("How do I write 日本語 in a URL?")).toMatch(/^The question is/);
  });

  it("quotes a long question cut short", () => {
    expect(demoReasoningFor(`Explain ${"very ".repeat(40)}slowly`)).toContain("…”");
  });
});
