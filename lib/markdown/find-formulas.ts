/** A formula in Markdown text: where it starts and ends (delimiters included), and its delimiters. */
export interface FoundFormula {
  delimiter: "\\(" | "\\[" | "$$" | "$";
  start: number;
  end: number;
  /** The text between the delimiters. */
  tex: string;
}

/** Code span runs, LaTeX's delimiters (a backslash before one escapes it), `$$`, `$`, and blank lines. */
const token = /(?<!`)`+(?!`)|(?<!\\)\\[()[\]]|(?<![\\$])\$\$(?!\$)|(?<![\\$])\$(?!\$)|\n[ \t]*\r?\n/g;

const closerOf = { "\\(": "\\)", "\\[": "\\]", $$: "$$" } as const;

/**
 * The formulas of `text` from left to right: `\(…\)` (not across a blank
 * line), `\[…\]` and `$$…$$`, each closed by the nearest closing delimiter,
 * and none inside a code span (a run of backticks closed by the nearest run
 * as long). A delimiter never closed is no formula, and the text after it is
 * read on.
 *
 * And `$…$`, as open models write inline math, by Pandoc's rule, which
 * keeps prices prices: on one line, the opening `$` followed by a character
 * that is not a space, the closing one after such a character and not
 * followed by a digit ("$x^2$" is a formula; "$5 and $10", "$1-$2" are not).
 *
 * One pass over the delimiters and one back: linear in the text, however
 * many are never closed. (A regular expression searches past each of those
 * to the end of the text, and thousands of them in a long paragraph being
 * written took tens of milliseconds a frame.)
 */
export function findFormulas(text: string): FoundFormula[] {
  const tokens = [...text.matchAll(token)].map((match) => ({ text: match[0], at: match.index }));
  // For each token, the index of the next token that closes it: the next of the same text
  // (a backtick run as long, a `\)` after `\(`, ...), and the next blank line.
  const next: (number | undefined)[] = new Array(tokens.length);
  const nextBlank: (number | undefined)[] = new Array(tokens.length);
  const lastSeen = new Map<string, number>();
  for (let index = tokens.length - 1; index >= 0; index--) {
    const current = tokens[index] as { text: string };
    const closer = current.text in closerOf ? closerOf[current.text as keyof typeof closerOf] : current.text;
    next[index] = lastSeen.get(closer);
    nextBlank[index] = lastSeen.get("blank");
    lastSeen.set(current.text.startsWith("\n") ? "blank" : current.text, index);
  }
  const formulas: FoundFormula[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const opening = tokens[index] as { text: string; at: number };
    const closing = next[index];
    if (closing === undefined || opening.text.startsWith("\n") || opening.text === "\\)" || opening.text === "\\]") continue;
    if (opening.text.startsWith("`")) {
      // A code span: nothing in it counts.
      index = closing;
      continue;
    }
    const blankLine = nextBlank[index];
    if (opening.text === "\\(" && blankLine !== undefined && blankLine < closing) continue;
    const close = tokens[closing] as { text: string; at: number };
    // Not a formula; its closing `$` may open the next.
    if (opening.text === "$" && !dollarPair(text, opening.at, close.at)) continue;
    // Nothing between the delimiters: no formula ("\\(\\)" stays "()").
    if (close.at === opening.at + opening.text.length) continue;
    const start = opening.at;
    const end = close.at + close.text.length;
    formulas.push({ delimiter: opening.text as FoundFormula["delimiter"], start, end, tex: text.slice(start + opening.text.length, close.at) });
    index = closing;
  }
  return formulas;
}

/** Pandoc's `$…$`: not spaced inside, not followed by a digit, on one line. */
function dollarPair(text: string, opening: number, closing: number): boolean {
  const inside = /\S/;
  return (
    inside.test(text.charAt(opening + 1)) &&
    inside.test(text.charAt(closing - 1)) &&
    !/\d/.test(text.charAt(closing + 1)) &&
    !text.slice(opening, closing).includes("\n")
  );
}
