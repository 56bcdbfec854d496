/**
 * What streaming a long markdown answer costs to parse, incremental against
 * parsing the whole text again on every delta. The 40,000-character sample
 * answer arrives in 4-character deltas (one render per delta: the worst case;
 * the page renders at most once a frame). Prints one JSON line:
 * - splitIncrementalMs / splitWholeMs: cutting into blocks (marked's block lexer);
 * - parseIncrementalMs: the growing block on each delta, each finished block once
 *   (remark-parse + remark-gfm + remark-breaks + remark-rehype, as the page runs them);
 * - parseWholeMs: the whole text on each delta, estimated from `samples` prefixes
 *   (running all of it would take many minutes);
 * - parseOnceMs: the whole answer parsed once, for scale.
 *
 * Usage: `tsx bench/markdown-parse.ts [length] [delta size]`.
 */
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { createBlockSplitter } from "../lib/markdown/create-block-splitter";
import { sampleAnswer } from "../lib/markdown/sample-answer";
import { splitBlocks } from "../lib/markdown/split-blocks";

const length = Number(process.argv[2] ?? 40_000);
const deltaSize = Number(process.argv[3] ?? 4);
const samples = 40;

/** The page's pipeline (components/markdown/markdown-block.tsx) up to the hast tree. */
function parse(text: string): void {
  const processor = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).use(remarkBreaks).use(remarkRehype, { allowDangerousHtml: true });
  processor.runSync(processor.parse(text));
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const answer = sampleAnswer(length);
const ends: number[] = [];
for (let end = deltaSize; end < answer.length + deltaSize; end += deltaSize) ends.push(Math.min(end, answer.length));

parse(answer); // compile the parser first, as the page's warm-up does

const splitIncrementalMs = time(() => {
  const split = createBlockSplitter();
  for (const end of ends) split(answer.slice(0, end));
});

const splitWholeMs = time(() => {
  for (const end of ends) splitBlocks(answer.slice(0, end));
});

const parseIncrementalMs = time(() => {
  const split = createBlockSplitter();
  let finishedCount = 0;
  for (const end of ends) {
    const { blocks } = split(answer.slice(0, end));
    // Blocks that have just been finished are parsed once; the growing one every time.
    for (; finishedCount < blocks.length - 1; finishedCount++) parse(blocks[finishedCount] ?? "");
    parse(blocks.at(-1) ?? "");
  }
});

const sampledEnds = Array.from({ length: samples }, (_, index) => ends[Math.floor(((index + 0.5) * ends.length) / samples)] ?? answer.length);
const parseWholeMs = (sampledEnds.reduce((total, end) => total + time(() => parse(answer.slice(0, end))), 0) * ends.length) / samples;
const parseOnceMs = time(() => parse(answer));

const round = (value: number) => Math.round(value);
console.log(
  JSON.stringify({
    length,
    deltaSize,
    deltas: ends.length,
    blocks: splitBlocks(answer).blocks.length,
    splitIncrementalMs: round(splitIncrementalMs),
    splitWholeMs: round(splitWholeMs),
    parseIncrementalMs: round(parseIncrementalMs),
    parseWholeMs: round(parseWholeMs),
    parseOnceMs: round(parseOnceMs),
  }),
);
