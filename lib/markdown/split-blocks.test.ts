import fc from "fast-check";
import { Lexer } from "marked";
import { describe, expect, test, vi } from "vitest";
import { sampleAnswer } from "@/lib/markdown/sample-answer";
import { type BlockSplit, splitBlocks } from "@/lib/markdown/split-blocks";

/** Feeds `source` cut at `cuts` (as a stream would), checking each step against a split from scratch. */
function streamAndCompare(source: string, cuts: readonly number[]): BlockSplit | undefined {
  let previous: BlockSplit | undefined;
  for (const cut of [...cuts, source.length]) {
    const prefix = source.slice(0, cut);
    const incremental = splitBlocks(prefix, previous);
    expect(incremental).toEqual(splitBlocks(prefix));
    expect(incremental.blocks.join("")).toBe(prefix);
    previous = incremental;
  }
  return previous;
}

/** What a line starts with: the markers that make markdown's block structure. */
const lineStart = fc.constantFrom(
  "", "", "", " ", "  ", "    ", "\t", "# ", "## ", "#", "- ", "* ", "+ ", "1. ", "2) ", "  - ", "   1. ", "> ", ">", "> - ",
  "```", "```ts", "~~~", "````", "   ```", "|", "| a | b |", "|---|---|", "| --- | :-: |", "a | b", "--- | ---",
  "---", "***", "===", "- [ ] ", "- [x] ", "<div>", "</div>", "<pre>", "</pre>", "<!--", "-->", "<script>", "[x]: /url", "\"title\"",
  "$$", "$$", "\\[", "\\[", "\\]", "   $$", "  \\[",
);
/** What follows on the line: text, inline marks, HTML, CJK and emoji. */
const lineRest = fc.constantFrom(
  "", "a", "word", "b c", "日本語", "👍🏽", "👨‍👩‍👧", "*em*", "_", "`code`", "\\", "~~", " |", " | c |", "  ", "```",
  "<img src=x onerror=alert(1)>", "[x]", "<https://a.example>", "![i](u)", "-->", "</pre>",
  "$$", "\\]", "\\[", "x^2",
);
const line = fc.tuple(lineStart, fc.array(lineRest, { maxLength: 3 })).map(([start, rest]) => start + rest.join(""));
const lineEnding = fc.constantFrom("\n", "\n", "\n", "\n", "\n", "\r\n", "\r");
const markdownText = fc
  .array(fc.tuple(line, lineEnding), { maxLength: 40 })
  .chain((lines) => fc.tuple(fc.constant(lines), line))
  .map(([lines, last]) => lines.map(([text, ending]) => text + ending).join("") + last);
const textWithCuts = markdownText.chain((source) =>
  fc.tuple(fc.constant(source), fc.uniqueArray(fc.integer({ min: 0, max: source.length }), { maxLength: 12 }).map((cuts) => cuts.sort((a, b) => a - b))),
);

describe("splitBlocks", () => {
  test("incremental splits equal splits from scratch, for any text cut anywhere", () => {
    fc.assert(fc.property(textWithCuts, ([source, cuts]) => void streamAndCompare(source, cuts)), { numRuns: 2_000 });
    // 2,000 runs take about 3 s on a quiet machine; a loaded CI machine took over 15.
  }, 60_000);

  test("incremental splits equal splits from scratch, character by character", () => {
    fc.assert(
      fc.property(markdownText, (source) => void streamAndCompare(source, Array.from({ length: source.length }, (_, index) => index))),
      { numRuns: 200 },
    );
  });

  test("blocks join to the source, for any string at all", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (source) => {
        expect(splitBlocks(source).blocks.join("")).toBe(source);
      }),
    );
  });

  test.each([
    { name: "an empty text", source: "", blocks: [] },
    { name: "only blank lines", source: "\n\n", blocks: ["\n\n"] },
    { name: "blank lines stay with the block before", source: "# Title\n\n\npara\n", blocks: ["# Title\n\n\n", "para\n"] },
    { name: "leading blank lines stay with the first block", source: "\n\nfirst\n\nsecond", blocks: ["\n\nfirst\n\n", "second"] },
    { name: "a fence left open runs to the end", source: "intro\n\n```ts\nconst a = 1;\n\n# not a heading\n", blocks: ["intro\n\n", "```ts\nconst a = 1;\n\n# not a heading\n"] },
    { name: "a closed fence ends its block", source: "```\ncode\n```\nafter", blocks: ["```\ncode\n```\n", "after"] },
    { name: "a list with a fence and blank lines is one block", source: "1. a\n   ```\n   x\n   ```\n\n2. b\n\npara", blocks: ["1. a\n   ```\n   x\n   ```\n\n2. b\n\n", "para"] },
    { name: "a table is one block", source: "| a | b |\n| --- | --- |\n| 1 | 2 |\n\nafter", blocks: ["| a | b |\n| --- | --- |\n| 1 | 2 |\n\n", "after"] },
    { name: "a table interrupts a paragraph", source: "text\n| a | b |\n| --- | --- |\n", blocks: ["text\n", "| a | b |\n| --- | --- |\n"] },
    { name: "CRLF line endings", source: "# Title\r\n\r\npara\r\nline\r\n\r\n- a\r\n- b\r\n", blocks: ["# Title\r\n\r\n", "para\r\nline\r\n\r\n", "- a\r\n- b\r\n"] },
    { name: "lone CR line endings", source: "# Title\r\rpara", blocks: ["# Title\r\r", "para"] },
    { name: "CJK and emoji", source: "## 日本語の見出し 🎉\n\n한국어 문단 👨‍👩‍👧\n", blocks: ["## 日本語の見出し 🎉\n\n", "한국어 문단 👨‍👩‍👧\n"] },
    { name: "a formula over several lines is one block", source: "so\n$$\nx\n\n- y\n$$\nafter", blocks: ["so\n", "$$\nx\n\n- y\n$$\n", "after"] },
    { name: "\\[ over several lines is one block", source: "\\[ a\n# b\n\\] c\n\nd", blocks: ["\\[ a\n# b\n\\] c\n\n", "d"] },
    { name: "a formula closed on its line stays in its paragraph", source: "so\n$$x$$\n\\[y\\]\nafter", blocks: ["so\n$$x$$\n\\[y\\]\nafter"] },
    { name: "a $$ closing a formula begun within a line is no block", source: "so $$\nx\n$$\nmore\n$$y$$ and\n$$\nz\n$$\n", blocks: ["so $$\nx\n$$\nmore\n$$y$$ and\n", "$$\nz\n$$\n"] },
    { name: "a line under text that makes it a heading does not join a formula to it", source: "-->\n\\[\n\\]\n[x]: /url\n- \nafter", blocks: ["-->\n", "\\[\n\\]\n", "[x]: /url\n", "- \n", "after"] },
    { name: "a formula not closed yet runs to the end", source: "so\n\\[\nx\n\n# y\n", blocks: ["so\n", "\\[\nx\n\n# y\n"] },
    { name: "raw HTML is a block of its own", source: "<div>\n<script>alert(1)</script>\n</div>\n\npara", blocks: ["<div>\n<script>alert(1)</script>\n</div>\n\n", "para"] },
  ])("$name", ({ source, blocks }) => {
    expect(splitBlocks(source).blocks).toEqual(blocks);
    expect(streamAndCompare(source, Array.from({ length: source.length }, (_, index) => index))?.blocks).toEqual(blocks);
  });

  test.each([
    {
      name: "a table whose delimiter row arrives later",
      steps: [
        ["intro\n\n| a | b |\n", ["intro\n\n", "| a | b |\n"]],
        ["intro\n\n| a | b |\n| -", ["intro\n\n", "| a | b |\n| -"]],
        // In GFM a line after a table is one more row, until a blank line.
        ["intro\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\nrow\n\nafter\n\nnext", ["intro\n\n", "| a | b |\n| --- | --- |\n| 1 | 2 |\nrow\n\n", "after\n\n", "next"]],
      ],
    },
    {
      name: "a paragraph that becomes a heading when its underline arrives",
      steps: [
        ["# A\n\nTitle\n", ["# A\n\n", "Title\n"]],
        ["# A\n\nTitle\n===\n\nbody", ["# A\n\n", "Title\n===\n\n", "body"]],
      ],
    },
    {
      name: "a fence that closes later",
      steps: [
        ["para\n\n```py\nx = 1\n\ny = 2\n", ["para\n\n", "```py\nx = 1\n\ny = 2\n"]],
        ["para\n\n```py\nx = 1\n\ny = 2\n```\n\nend", ["para\n\n", "```py\nx = 1\n\ny = 2\n```\n\n", "end"]],
      ],
    },
    {
      name: "a CR whose LF arrives in the next delta",
      steps: [
        ["a\r\n\r\nb\r", ["a\r\n\r\n", "b\r"]],
        ["a\r\n\r\nb\r\n\r\n- c\r\n", ["a\r\n\r\n", "b\r\n\r\n", "- c\r\n"]],
      ],
    },
  ] as const)("$name", ({ steps }) => {
    let previous: BlockSplit | undefined;
    for (const [source, blocks] of steps) {
      previous = splitBlocks(source, previous);
      expect(previous.blocks).toEqual(blocks);
      expect(previous).toEqual(splitBlocks(source));
    }
  });

  test("a previous split that is not a prefix is ignored", () => {
    const previous = splitBlocks("# One\n\npara one\n\npara two\n\n");
    expect(splitBlocks("# Two\n\nother\n", previous)).toEqual(splitBlocks("# Two\n\nother\n"));
  });

  test("streaming a long answer lexes the last block or two per delta, not the whole answer", () => {
    const answer = sampleAnswer(40_000);
    const blockTokens = vi.spyOn(Lexer.prototype, "blockTokens");
    let previous: BlockSplit | undefined;
    let deltas = 0;
    for (let end = 4; end < answer.length + 4; end += 4, deltas++) previous = splitBlocks(answer.slice(0, end), previous);
    const lexed = blockTokens.mock.calls.reduce((total, [text]) => total + text.length, 0);
    blockTokens.mockRestore();
    expect(previous).toEqual(splitBlocks(answer));
    const longestBlock = Math.max(...splitBlocks(answer).blocks.map((block) => block.length));
    expect(longestBlock).toBeLessThan(400);
    // Lexing the whole text per delta would be 200 million characters; this is some 5 million.
    expect(lexed).toBeLessThan(deltas * 2 * longestBlock);
  });
});
