import { Lexer, Marked } from "marked";
import { displayMathExtension } from "@/lib/markdown/display-math-extensions";

/** A markdown text cut into top-level blocks: `blocks.join("") === source`, always. */
export type BlockSplit = {
  readonly source: string;
  readonly blocks: readonly string[];
  /** Where each block begins in `source`. */
  readonly starts: readonly number[];
};

/**
 * Cuts markdown into top-level blocks (paragraph, list, fence, table, ...) with
 * marked's block lexer, as vercel/streamdown's parseMarkdownIntoBlocks does
 * (a formula displayed over several lines is one block, as a fence is).
 * Blank lines stay with the block before them, so no block is only whitespace
 * (except a text that is nothing but whitespace).
 *
 * Given the split of an earlier prefix of `source` (a streaming answer that
 * grew), only the tail is lexed again: the cost is the size of the last block
 * or two, not of the whole answer. The result is the same as without
 * `previous` (the tests check it on random text cut anywhere); `previous`
 * only saves work, and a `previous` that is not a prefix is ignored.
 */
export function splitBlocks(source: string, previous?: BlockSplit): BlockSplit {
  const kept = previous && extendsSource(source, previous.source) ? finalBlockCount(previous) : 0;
  if (!previous || kept === 0) return lexBlocks(source, 0);
  // marked lexes a line after a paragraph differently (an HTML line cannot
  // interrupt one), so the last final block is lexed again as context, and
  // when it comes out different the whole text is lexed again.
  const contextStart = previous.starts[kept - 1] ?? 0;
  const tail = lexBlocks(source.slice(contextStart), contextStart);
  if (tail.blocks[0] !== previous.blocks[kept - 1]) return lexBlocks(source, 0);
  return {
    source,
    blocks: previous.blocks.slice(0, kept - 1).concat(tail.blocks),
    starts: previous.starts.slice(0, kept - 1).concat(tail.starts),
  };
}

/** `source.startsWith(prefix)`, but some 50 times faster in V8 on long strings built by appending (a memory compare). */
function extendsSource(source: string, prefix: string): boolean {
  return source.length >= prefix.length && source.slice(0, prefix.length) === prefix;
}

/**
 * How many leading blocks of `split` no appended text can change.
 *
 * Whether a line starts a new block is decided by that line ("#" is a heading
 * but "#a" continues a paragraph) and, for a table's header, by the line after
 * it (the delimiter row). So a boundary is final once two complete lines
 * follow it and the block before it ends a line. An open fence, or a list
 * followed by blank lines, is still the last block: it is lexed again.
 */
function finalBlockCount({ blocks }: BlockSplit): number {
  let lineEnds = 0;
  for (let index = blocks.length - 1; index > 0; index--) {
    lineEnds += countLineEnds(blocks[index] ?? "", 2 - lineEnds, index === blocks.length - 1);
    if (lineEnds >= 2 && endsLine(blocks[index - 1] ?? "")) return index;
  }
  return 0;
}

function endsLine(block: string): boolean {
  return block.endsWith("\n") || block.endsWith("\r");
}

/**
 * The number of line endings (LF, CRLF, CR) in `text`, counting no further
 * than `limit`. A CR that ends the whole text is not counted: the LF that may
 * come next makes it a CRLF, one ending.
 */
function countLineEnds(text: string, limit: number, isLast: boolean): number {
  let count = 0;
  for (let at = 0; at < text.length && count < limit; at++) {
    const character = text.charCodeAt(at);
    if (character === 10) count++;
    else if (character === 13 && text.charCodeAt(at + 1) !== 10 && !(isLast && at === text.length - 1)) count++;
  }
  return count;
}

/**
 * marked's block rules know only LF (its `lex` replaces CR first, which
 * would move every offset). A copy of the same length does: CRLF becomes
 * " \n" (a trailing space, which no block rule minds) and a lone CR "\n".
 */
function withLineFeeds(source: string): string {
  return source.includes("\r") ? source.replace(/\r\n?/g, (ending) => (ending.length === 2 ? " \n" : "\n")) : source;
}

// marked's own form of the extension (what `use` makes of it: the extensions, and a tokenizer with
// its setext heading rule changed), for a Lexer of our own. One tokenizer serves every Lexer: each
// lexes at once, start to end, and points the tokenizer at itself first.
const { extensions, tokenizer } = new Marked(displayMathExtension).defaults;

/** Splits `source` from scratch; `offset` is where `source` begins in the whole text. */
function lexBlocks(source: string, offset: number): BlockSplit {
  // Block tokens only: the inline lexing that Lexer.lex adds is most of its
  // cost, and the block boundaries do not depend on it.
  if (source === "") return { source, blocks: [], starts: [] };
  const lexed = withLineFeeds(source);
  const tokens = new Lexer({ gfm: true, extensions, tokenizer }).blockTokens(lexed, []);
  const cuts = [0];
  let position = 0;
  let seenContent = false;
  for (const token of tokens) {
    if (token.type !== "space") {
      if (seenContent) cuts.push(position);
      seenContent = true;
    }
    // marked rewrites a raw in one case: a last line of only spaces becomes
    // "\n". Such a token still begins here, and it is the end of the text.
    if (lexed.slice(position, position + token.raw.length) !== token.raw) break;
    position += token.raw.length;
  }
  const blocks = cuts.map((cut, index) => source.slice(cut, cuts[index + 1] ?? source.length));
  return { source, blocks, starts: cuts.map((cut) => cut + offset) };
}
