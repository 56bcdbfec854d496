import { type MarkedExtension, Tokenizer, type TokenizerExtension, type Tokens } from "marked";

/**
 * A formula displayed over several lines (`\[` or `$$` beginning a line,
 * its end on a later line) is one block for marked's block lexer, as a
 * fenced code block is: its lines may look like the start of a list, a
 * heading or a new paragraph (a blank line), and a block cut there would be
 * parsed in pieces. Like a fence, it interrupts a paragraph, and one not
 * closed yet runs to the end of the text. A formula closed on its own
 * line is left to the paragraph it is in (nothing inside it can end one).
 *
 * Only the splitter uses this; remark-math parses the blocks
 * (withDollarMath makes `\[` a `$$` fence first).
 */
export const displayMathExtension: MarkedExtension = {
  extensions: [{ name: "displayMath", level: "block", start: startOfDisplayMath, tokenizer: displayMath } satisfies TokenizerExtension],
  tokenizer: {
    // A setext heading's text ("Title" over a line of "-" or "="), like a paragraph's, ends where
    // such a formula begins. marked tries the heading before the paragraph, and only the
    // paragraph is cut where an extension starts; without this, the line that makes text a
    // heading, coming later, would join blocks already cut apart (the splitter's tests found it).
    lheading(this: Tokenizer, source: string): Tokens.Heading | undefined {
      const heading = Tokenizer.prototype.lheading.call(this, source);
      if (!heading) return undefined;
      // marked asks `start` with the text's first character left out: so here too.
      return startOfDisplayMath(heading.raw.slice(1)) === undefined ? heading : undefined;
    },
  },
};

const opening = /^ {0,3}(\\\[|\$\$)/;
/** `$$` (not part of a longer run, not escaped); global: searched from a position, and counted. */
const doubleDollar = /(?<![\\$])\$\$(?!\$)/g;
const closingBracket = /(?<!\\)\\\]/g;

/** The length of the display formula that `source` begins with, to the end of its closing line; 0 when it begins with none. */
function displayMathLength(source: string): number {
  const open = opening.exec(source);
  if (!open) return 0;
  const closing = open[1] === "$$" ? doubleDollar : closingBracket;
  closing.lastIndex = open[0].length;
  const close = closing.exec(source);
  if (!close) return source.length;
  const openingLineEnd = source.indexOf("\n");
  // Closed on the line it opened: a formula within a paragraph, not a block.
  if (openingLineEnd === -1 || close.index < openingLineEnd) return 0;
  const closingLineEnd = source.indexOf("\n", close.index + close[0].length);
  return closingLineEnd === -1 ? source.length : closingLineEnd + 1;
}

function displayMath(source: string) {
  const length = displayMathLength(source);
  if (length === 0) return undefined;
  const raw = source.slice(0, length);
  return { type: "displayMath", raw, text: raw };
}

/**
 * Where the next display formula begins a line, so that the paragraph
 * before it ends there. marked asks with all the text left; a paragraph
 * ends at a blank line at the latest, so the search ends there too (and
 * the text is read once however many paragraphs it holds).
 */
function startOfDisplayMath(source: string): number | undefined {
  const lineWithOpeningOrBlank = /\n {0,3}(\\\[|\$\$)|\n[ \t]*(?=\n|$)/g;
  // The `$$` before each candidate line, counted as the search goes: a `$$` that closes one opened
  // within the paragraph's text ("so $$\nx\n$$") ends that formula. marked leaves out the
  // paragraph's first character: a lone "$" there was a "$$" ("$$x$$ and").
  let opened = /^\$(?!\$)/.test(source) ? 1 : 0;
  let counted = 0;
  for (let match = lineWithOpeningOrBlank.exec(source); match?.[1]; match = lineWithOpeningOrBlank.exec(source)) {
    opened += source.slice(counted, match.index).match(doubleDollar)?.length ?? 0;
    counted = match.index;
    const closesOne = match[1] === "$$" && opened % 2 === 1;
    if (!closesOne && displayMathLength(source.slice(match.index + 1)) > 0) return match.index + 1;
  }
  return undefined;
}
