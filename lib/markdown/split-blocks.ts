import { Lexer } from "marked";

/** A markdown text cut into top-level blocks: `blocks.join("") === source`, always. */
export type BlockSplit = {
  readonly source: string;
  readonly blocks: readonly string[];
  /** Where each block begins in `source`. */
  readonly starts: readonly number[];
};

/**
 * Cuts markdown into top-level blocks (paragraph, list, fence, table, ...) with
 * marked's block lexer, as vercel/streamdown's parseMarkdownIntoBlocks does.
 * Blank lines stay with the block before them, so no block is only whitespace
 * (except a text that is nothing but whitespace).
 *
 * Given the split of an earlier prefix of `source` (a streaming answer that
 * grew), only the tail is lexed again: the cost is the size of the last block
 * or two, not of the whole answer. The result is the same as without
 * `previous`; `previous` only saves work.
 */
export function splitBlocks(source: string, previous?: BlockSplit): BlockSplit {
  const kept = previous && source.startsWith(previous.source) ? finalBlockCount(previous) : 0;
  if (!previous || kept === 0) return lexBlocks(source, 0);
  // marked lexes a line after a paragraph differently (an HTML line cannot
  // interrupt one), so the last final block is lexed again as context.
  const contextStart = previous.starts[kept - 1] ?? 0;
  const tail = lexBlocks(source.slice(contextStart), contextStart);
  if (tail.blocks[0] !== previous.blocks[kept - 1]) return lexBlocks(source, 0);
  return {
    source,
    blocks: previous.blocks.slice(0, kept - 1).concat(tail.blocks),
    starts: previous.starts.slice(0, kept - 1).concat(tail.starts),
  };
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
  let newlines = 0;
  for (let index = blocks.length - 1; index > 0; index--) {
    newlines += countNewlines(blocks[index] ?? "", 2 - newlines);
    if (newlines >= 2 && blocks[index - 1]?.endsWith("\n")) return index;
  }
  return 0;
}

/** The number of "\n" in `text`, counting no further than `limit`. */
function countNewlines(text: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at !== -1 && count < limit; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** Splits `source` from scratch; `offset` is where `source` begins in the whole text. */
function lexBlocks(source: string, offset: number): BlockSplit {
  // Block tokens only: the inline lexing that Lexer.lex adds is most of its
  // cost, and the block boundaries do not depend on it.
  if (source === "") return { source, blocks: [], starts: [] };
  const tokens = new Lexer({ gfm: true }).blockTokens(source, []);
  const cuts = [0];
  let position = 0;
  let seenContent = false;
  for (const token of tokens) {
    if (token.type !== "space") {
      if (seenContent) cuts.push(position);
      seenContent = true;
    }
    // marked rewrites a few raws (a list's trailing spaces become a newline);
    // such a token still begins here, but the rest of the text is kept whole.
    if (!source.startsWith(token.raw, position)) break;
    position += token.raw.length;
  }
  const blocks = cuts.map((cut, index) => source.slice(cut, cuts[index + 1] ?? source.length));
  return { source, blocks, starts: cuts.map((cut) => cut + offset) };
}
