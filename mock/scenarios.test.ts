import { describe, expect, it } from "vitest";
import { continueInstruction } from "../lib/chat/continue-instruction";
import { documentAnswer, documentAnswerEnd } from "./markdown-answer";
import { mockTexts, pacedTokens, scenarioFor, tokensOf } from "./scenarios";

const said = (content: string) => [{ role: "user", content }];

describe("scenarioFor", () => {
  it("answers the plain text without a directive", () => {
    const scenario = scenarioFor(said("hello"));
    expect(scenario).toMatchObject({ name: "plain", finishReason: "stop", firstTokenMs: 20, intervalMs: 10, splitBytes: false, after: 3 });
    expect(scenario.status).toBeUndefined();
    expect(scenario.tokens.join("")).toBe(mockTexts.plain);
  });

  it("reads the directive and its parameters anywhere in the last user message", () => {
    const scenario = scenarioFor(said("please mock:multilingual size=5 first=0 interval=7 split=1 thanks"));
    expect(scenario).toMatchObject({ name: "multilingual", firstTokenMs: 0, intervalMs: 7, splitBytes: true });
    expect(scenario.tokens).toEqual(tokensOf(mockTexts.multilingual, 5));
  });

  it("takes the directive from the last user message only", () => {
    const messages = [
      { role: "user", content: "mock:status code=500" },
      { role: "assistant", content: "mock:drop" },
      { role: "user", content: "mock:length" },
      { role: "assistant", content: "mock:stall" },
    ];
    expect(scenarioFor(messages).name).toBe("length");
    expect(scenarioFor([...messages, { role: "user", content: "no directive" }]).name).toBe("plain");
  });

  it("asked to continue an answer, writes its continued text, whatever the question", () => {
    const messages = [
      { role: "user", content: "mock:length" },
      { role: "assistant", content: "Hello from" },
      { role: "user", content: continueInstruction },
    ];
    expect(scenarioFor(messages)).toMatchObject({ name: "plain", finishReason: "stop" });
    expect(scenarioFor(messages).tokens.join("")).toBe(mockTexts.continued);
  });

  it("continues at the pace of the answer it continues, reasoning again first when that one opened with <think>", () => {
    const messages = [
      { role: "user", content: "mock:reasoning field=think finish=length interval=150 first=40" },
      { role: "assistant", content: "<think>\nThoughts.\n</think>\n\nHello from" },
      { role: "user", content: continueInstruction },
    ];
    expect(scenarioFor(messages)).toMatchObject({ name: "plain", finishReason: "stop", intervalMs: 150, firstTokenMs: 40 });
    expect(scenarioFor(messages).tokens.join("")).toBe(`<think>\n${mockTexts.reasoningAgain}\n</think>\n\n${mockTexts.continued}`);
  });

  it("answers an HTTP status with its Retry-After", () => {
    expect(scenarioFor(said("mock:status code=429 retry_after=7"))).toMatchObject({ name: "status", status: 429, retryAfter: "7" });
    expect(scenarioFor(said("mock:status"))).toMatchObject({ status: 500, retryAfter: undefined });
  });

  it.each(["length", "content_filter"])("finishes %s with that reason", (name) => {
    expect(scenarioFor(said(`mock:${name}`))).toMatchObject({ name, finishReason: name });
  });

  it.each(["drop", "stall", "truncated"])("breaks %s after the given number of tokens", (name) => {
    expect(scenarioFor(said(`mock:${name} after=5`))).toMatchObject({ name, after: 5 });
  });

  it("paces numbered tokens", () => {
    const scenario = scenarioFor(said("mock:paced tokens=3"));
    expect(scenario.tokens).toEqual(["Token 0. ", "Token 1. ", "Token 2. "]);
    expect(pacedTokens(50)).toHaveLength(50);
    expect(scenarioFor(said("mock:paced")).tokens).toHaveLength(50);
  });

  it("takes a stamp tag for the benchmark's lag probe", () => {
    expect(scenarioFor(said("mock:paced tokens=3 stamp=r1-2")).stamp).toBe("r1-2");
    expect(scenarioFor(said("mock:paced")).stamp).toBeUndefined();
  });

  it("answers a long markdown document of about the length asked for, cut into tokens, ending in its marker", () => {
    const scenario = scenarioFor(said("mock:document chars=5000 size=4"));
    const answer = documentAnswer(5000);
    expect(scenario.tokens.join("")).toBe(answer);
    expect(scenario.tokens.every((token) => Array.from(token).length <= 4)).toBe(true);
    expect(answer.length).toBeGreaterThanOrEqual(5000);
    expect(answer.length).toBeLessThan(6500);
    expect(answer.trimEnd().endsWith(documentAnswerEnd)).toBe(true);
    for (const mark of ["\n## ", "\n- ", "\n1. ", "\n```ts\n", "\n| ", "\n> "]) expect(answer).toContain(mark);
  });

  it("echoes the last user message and the number of messages", () => {
    const messages = [{ role: "system", content: "be brief" }, ...said("mock:echo 日本 🎉")];
    expect(scenarioFor(messages).tokens.join("")).toBe("You said: mock:echo 日本 🎉 (2 messages)");
  });

  it("answers markdown, injection attempts and a long markdown answer", async () => {
    const { markdownAnswer, xssAnswer } = await import("./markdown-texts");
    expect(scenarioFor(said("mock:markdown")).tokens.join("")).toBe(markdownAnswer);
    expect(scenarioFor(said("mock:xss size=5")).tokens).toEqual(tokensOf(xssAnswer, 5));
    const long = scenarioFor(said("mock:long length=5000"));
    expect(long.tokens.join("")).toHaveLength(5000);
    expect(long.tokens.join("")).toContain("```ts");
  });

  it("falls back to plain for an unknown name and defaults for bad numbers", () => {
    expect(scenarioFor(said("mock:nonsense"))).toMatchObject({ name: "plain" });
    expect(scenarioFor(said("mock:plain first=soon interval=-"))).toMatchObject({ firstTokenMs: 20, intervalMs: 10 });
  });

  it("reads a question's text parts (a question with images) and counts its images", () => {
    const image = { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } };
    expect(scenarioFor([{ role: "user", content: [{ type: "text", text: "mock:drop" }, image] }]).name).toBe("drop");
    const echoed = scenarioFor([{ role: "user", content: [{ type: "text", text: "mock:echo what " }, image, { type: "text", text: "and" }, image] }]);
    expect(echoed.tokens.join("")).toBe("You said: mock:echo what and (1 messages, 2 images)");
    expect(scenarioFor([{ role: "user", content: [image] }]).name).toBe("plain");
    expect(scenarioFor([{ role: "user", content: 42 }]).name).toBe("plain");
    expect(scenarioFor([]).name).toBe("plain");
  });
});

describe("tokensOf", () => {
  const texts = [mockTexts.plain, mockTexts.multilingual, "👨‍👩‍👧‍👦🇯🇵👋🏽", "𠮷𠮷𠮷𠮷", "a😀b😀c😀", ""];

  it.each([1, 2, 3, 4, 7])("never splits a surrogate pair, %i code points at a time", (size) => {
    for (const text of texts) {
      const tokens = tokensOf(text, size);
      expect(tokens.join("")).toBe(text);
      for (const token of tokens) {
        expect(token.isWellFormed()).toBe(true);
        expect(Array.from(token).length).toBeLessThanOrEqual(size);
      }
    }
  });

  it("cuts by code points, three by default", () => {
    expect(tokensOf("abcdefg")).toEqual(["abc", "def", "g"]);
    expect(tokensOf("😀😀😀😀", 2)).toEqual(["😀😀", "😀😀"]);
  });
});
