import { describe, expect, test } from "vitest";
import { answerAndReasoning, splitThinking } from "@/lib/chat/split-thinking";

describe("splitThinking", () => {
  test("takes the reasoning between <think> tags at the start apart from the answer after them", () => {
    expect(splitThinking("<think>\nLet me see.\n2 + 2 = 4.\n</think>\n\n**Four.**", false)).toEqual({
      reasoning: "Let me see.\n2 + 2 = 4.",
      answer: "**Four.**",
      closed: true,
    });
    expect(splitThinking("\n <think>a</think>b", false)).toEqual({ reasoning: "a", answer: "b", closed: true });
  });

  test("an answer that does not open with the tag is no reasoning, wherever the tag is", () => {
    expect(splitThinking("Models write <think>…</think> first.", false)).toBeUndefined();
    expect(splitThinking("", true)).toBeUndefined();
    expect(splitThinking("<thinking>", false)).toBeUndefined();
  });

  test("while written: the reasoning so far, no answer yet, and a tag cut short is held back", () => {
    expect(splitThinking("<thi", true)).toEqual({ reasoning: "", answer: "", closed: false });
    expect(splitThinking("<thi", false)).toBeUndefined();
    expect(splitThinking("<think>\nHmm, 日本語 🎉", true)).toEqual({ reasoning: "Hmm, 日本語 🎉", answer: "", closed: false });
    expect(splitThinking("<think>\nHmm.\n</thi", true)).toEqual({ reasoning: "Hmm.", answer: "", closed: false });
    expect(splitThinking("<think>\nHmm.\n</thi", false)).toEqual({ reasoning: "Hmm.\n</thi", answer: "", closed: false });
    expect(splitThinking("<think>a < b</think>", true)).toEqual({ reasoning: "a < b", answer: "", closed: true });
  });

  test("only the first </think> ends the reasoning: the answer may talk about the tags", () => {
    expect(splitThinking("<think>x</think>Write </think> to end it.", false)?.answer).toBe("Write </think> to end it.");
  });
});

describe("answerAndReasoning", () => {
  test("the reasoning the server sent apart wins, and the answer is then its text as it is", () => {
    expect(answerAndReasoning("<think>x</think>y", "sent", false)).toEqual({ answer: "<think>x</think>y", reasoning: "sent" });
    expect(answerAndReasoning("<think>x</think>y", undefined, false)).toEqual({ answer: "y", reasoning: "x" });
    expect(answerAndReasoning("Plain.", undefined, true)).toEqual({ answer: "Plain.", reasoning: undefined });
  });
});
