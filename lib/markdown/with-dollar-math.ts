import { type FoundFormula, findFormulas } from "@/lib/markdown/find-formulas";
import { indentOf, type OpenEnd, prefixOnly, withOpenFormulaAsSource } from "@/lib/markdown/open-formula-as-source";

/**
 * Models write formulas with LaTeX's own delimiters, `\(x\)` inline and
 * `\[x\]` displayed (what ChatGPT shows as math), and sometimes with
 * `$$x$$`. Markdown reads `\(` and `\[` as escaped brackets, so before
 * remark-math (which knows only dollars) they become dollars, as
 * LibreChat's preprocessing does:
 *
 * - `\(x\)` → `$$x$$`, inline math, on one line (a line beginning with
 *   `$$` would open a math block); and `$x$` as open models write it, by
 *   Pandoc's rule (findFormulas), not remark-math's, which would make
 *   "$5 and $10" a formula.
 * - `\[x\]` or `$$x$$` over several lines, or on a line of its own → a
 *   math block, its fences on lines of their own (remark-math drops text
 *   beside an opening fence, and does not close one that follows text).
 * - `\[x\]` or `$$x$$` within a line of text → inline math.
 *
 * Code is left as written: fenced code blocks (open ones too, for an
 * answer still being written) and code spans. `\\(` is an escaped
 * backslash, not math. A delimiter not closed is left alone, except at the
 * end of an answer (`openEnd`: still being written, or cut short by Stop or
 * a length limit): a formula begun there shows as its source, exactly as
 * written (see open-formula-as-source.ts), not as Markdown, which would drop
 * its backslash and read its `_` and `*` as emphasis.
 */
export function withDollarMath(text: string, openEnd?: OpenEnd): string {
  // No delimiter at all (`$` is in `$$` and in Pandoc's `$…$`): the text as it is.
  if (!text.includes("\\(") && !text.includes("\\[") && !text.includes("$")) return text;
  let result = "";
  let prose = "";
  let fence: { marker: string; length: number } | undefined;
  for (const line of text.split(/(?<=\n)/)) {
    if (fence) {
      result += line;
      const closing = /^[ \t]*(?:>[ \t]?)*[ \t]*(`{3,}|~{3,})[ \t]*\r?\n?$/.exec(line)?.[1];
      if (closing && closing[0] === fence.marker && closing.length >= fence.length) fence = undefined;
      continue;
    }
    const opening = fenceOpening.exec(line)?.[1];
    if (opening) {
      result += convertProse(prose).converted + line;
      prose = "";
      fence = { marker: opening[0] as string, length: opening.length };
      continue;
    }
    prose += line;
  }
  const { converted, formulasEnd } = convertProse(prose);
  return result + (openEnd ? withOpenFormulaAsSource(converted, formulasEnd, openEnd) : converted);
}

/** Whether `text` has a formula's delimiter (then it may hold a formula). */
export function hasMathDelimiter(text: string): boolean {
  return text.includes("\\(") || text.includes("\\[") || text.includes("$$");
}

/** A line that opens a fenced code block, in a quote or a list item too. */
const fenceOpening = /^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[ \t]*(`{3,}|~{3,})/;

const blank = /^[ \t]*\r?$/;

/** `prose` with its formulas in dollars, and where the last of them ends in it. */
function convertProse(prose: string): { converted: string; formulasEnd: number } {
  let converted = "";
  let copied = 0;
  // Where the line of each formula starts and where the line of its end ends: two cursors that only
  // move forward, so that many formulas on one long line do not each search it again.
  const startLine = newlineCursor(prose);
  const endLine = newlineCursor(prose);
  for (const found of findFormulas(prose)) {
    const before = prose.slice(startLine.lastBefore(found.start) + 1, found.start);
    const lineEnd = endLine.firstFrom(found.end);
    converted += prose.slice(copied, found.start);
    let dollars = formulaInDollars(found, before, prose.slice(found.end, lineEnd === -1 ? prose.length : lineEnd));
    // A dollar run is read whole: two formulas side by side ("\\(a\\)\\(b\\)") would run together, so a space parts them.
    if (converted.endsWith("$") && dollars.startsWith("$")) dollars = ` ${dollars}`;
    if (prose[found.end] === "$" && dollars.endsWith("$")) dollars += " ";
    converted += dollars;
    copied = found.end;
  }
  return { converted: converted + prose.slice(copied), formulasEnd: converted.length };
}

/** Line breaks of `text` for positions that never go back: amortized one search of the text in all. */
function newlineCursor(text: string) {
  let previous = -1;
  let next = text.indexOf("\n");
  const passTo = (position: number) => {
    while (next !== -1 && next < position) {
      previous = next;
      next = text.indexOf("\n", next + 1);
    }
  };
  return {
    /** The last line break before `position` (-1 when none). */
    lastBefore(position: number): number {
      passTo(position);
      return previous;
    },
    /** The first line break at or after `position` (-1 when none). */
    firstFrom(position: number): number {
      passTo(position);
      return next;
    },
  };
}

/** The formula in remark-math's dollars; `before` and `after`: the rest of its first and last lines. */
function formulaInDollars({ delimiter, tex }: FoundFormula, before: string, after: string): string {
  // A line break in a formula is a space to TeX.
  if (delimiter === "\\(" || delimiter === "$") return `$$${tex.replace(/[ \t]*\r?\n[ \t]*/g, " ")}$$`;
  const alone = prefixOnly.test(before) && blank.test(after);
  if (!alone && !tex.includes("\n")) return `$$${tex}$$`;
  // The fences take the indentation of the line the formula began on (a list item's content, a
  // quote's marks), and so does its first line when it began on that line; its other lines keep
  // their own. Text before it stays a line above, text after it a line below.
  const indent = indentOf(before);
  const head = prefixOnly.test(before) ? "" : `\n${indent}`;
  const tail = blank.test(after) ? "" : `\n${indent}`;
  const firstLineBreak = /^[ \t]*\r?\n/.exec(tex);
  let body = firstLineBreak ? tex.slice(firstLineBreak[0].length) : indent + tex.trimStart();
  const lastLineStart = body.lastIndexOf("\n");
  body = lastLineStart !== -1 && prefixOnly.test(body.slice(lastLineStart + 1)) ? body.slice(0, lastLineStart).replace(/\r$/, "") : body.trimEnd();
  return `${head}$$\n${body}\n${indent}$$${tail}`;
}
