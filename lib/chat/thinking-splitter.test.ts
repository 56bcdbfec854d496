import { describe, expect, test } from "vitest";
import { createThinkingSplitter, type ThinkingParts } from "@/lib/chat/thinking-splitter";

/** Feeds `pieces` one by one; returns what each push gave (and the end's, last), and all of it joined. */
function split(pieces: string[], options: { keepSpaces?: boolean } = {}): { steps: ThinkingParts[]; reasoning: string; answer: string } {
  const splitter = createThinkingSplitter(options);
  const steps = [...pieces.map((piece) => splitter.push(piece)), splitter.end()];
  return { steps, reasoning: steps.map((step) => step.reasoning).join(""), answer: steps.map((step) => step.answer).join("") };
}

describe("createThinkingSplitter", () => {
  test("reasoning between <think> tags at the start goes apart, the answer after it without the blank lines", () => {
    const { steps, reasoning, answer } = split(["\n<thi", "nk>\nLet me", " think.</th", "ink>\n", "\nBecause", " so."]);
    expect(reasoning).toBe("\nLet me think.");
    expect(answer).toBe("Because so.");
    // No piece gives a part of a tag, and the answer's first text comes with the piece that brought it.
    expect(steps.map((step) => step.answer)).toEqual(["", "", "", "", "Because", " so.", ""]);
    expect(steps.every((step) => !/<\/?t/.test(step.reasoning))).toBe(true);
  });

  test("an answer that does not open with the tag is all answer, as it comes, tags later in it included", () => {
    const { steps, reasoning, answer } = split(["  <b>Hi</b>", " and <think>x</think>"]);
    expect(reasoning).toBe("");
    expect(answer).toBe("  <b>Hi</b> and <think>x</think>");
    expect(steps[0]?.answer).toBe("  <b>Hi</b>");
  });

  test("what looked like a tag cut short, and was not, is given back", () => {
    expect(split(["<th", "ere"]).answer).toBe("<there");
    expect(split(["<think>a </th", "ing"]).reasoning).toBe("a </thing");
    // Held to the end: the end gives it, to the answer, or to a reasoning never closed.
    expect(split(["<thi"]).answer).toBe("<thi");
    expect(split(["<think>still thinking </thi"])).toMatchObject({ reasoning: "still thinking </thi", answer: "" });
  });

  test("a whole text in one piece, as the non-streamed lane gets it", () => {
    expect(split(["<think>Plan.</think>\n\nDone."])).toMatchObject({ reasoning: "Plan.", answer: "Done." });
  });

  test("keeping spaces, only the line breaks after </think> are dropped: a continuation's leading space stays", () => {
    expect(split(["<think>Plan.</think>\n\n so", " it is."], { keepSpaces: true })).toMatchObject({ reasoning: "Plan.", answer: " so it is." });
    expect(split(["<think>Plan.</think>\r\nme, a fox."], { keepSpaces: true }).answer).toBe("me, a fox.");
    expect(split(["<think>Plan.</think>\n\n so"]).answer).toBe("so");
  });
});
