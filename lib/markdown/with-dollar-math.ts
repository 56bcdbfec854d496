/**
 * Models write formulas with LaTeX's own delimiters, `\(x\)` inline and
 * `\[x\]` displayed (what ChatGPT shows as math), and sometimes with
 * `$$x$$`. Markdown reads `\(` and `\[` as escaped brackets, so before
 * remark-math (which knows only dollars) they become dollars, as
 * LibreChat's preprocessing does:
 *
 * - `\(x\)` → `$$x$$`, inline math (remark-math's `$x$` is off, since
 *   prices such as "$5 and $10" are far more common in answers than math),
 *   on one line (a line beginning with `$$` would open a math block).
 * - `\[x\]` or `$$x$$` over several lines, or on a line of its own → a
 *   math block, its fences on lines of their own (remark-math drops text
 *   beside an opening fence, and does not close one that follows text).
 * - `\[x\]` or `$$x$$` within a line of text → inline math.
 *
 * Code is left as written: fenced code blocks (open ones too, for an
 * answer still being written) and code spans. `\\(` is an escaped
 * backslash, not math. Delimiters that are not closed are left alone, so
 * a formula still being written shows as text until its end arrives.
 */
export function withDollarMath(text: string): string {
  if (!text.includes("\\(") && !text.includes("\\[") && !text.includes("$$")) return text;
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
      result += convertProse(prose) + line;
      prose = "";
      fence = { marker: opening[0] as string, length: opening.length };
      continue;
    }
    prose += line;
  }
  return result + convertProse(prose);
}

/** A line that opens a fenced code block, in a quote or a list item too. */
const fenceOpening = /^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?[ \t]*(`{3,}|~{3,})/;

/**
 * From left to right, whichever comes first: a code span (kept), `\[…\]`,
 * `\(…\)` (not across a blank line), `$$…$$`. A backslash before a
 * delimiter escapes it.
 */
const mathOrCode =
  /(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)|(?<!\\)\\\[([\s\S]+?)(?<!\\)\\\]|(?<!\\)\\\(((?:(?!\n[ \t]*\r?\n)[\s\S])+?)(?<!\\)\\\)|(?<![\\$])\$\$(?!\$)([\s\S]+?)(?<![\\$])\$\$(?!\$)/g;

const blank = /^[ \t]*\r?$/;
/** Nothing but indentation and quote marks. */
const prefixOnly = /^[ \t]*(?:>[ \t]?)*[ \t]*\r?$/;
/** What a line begins with before its text: indentation, quote marks, a list item's marker. */
const containerPrefix = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;

function convertProse(prose: string): string {
  if (prose === "") return prose;
  return prose.replace(mathOrCode, (match, codeRun: string | undefined, bracketed: string | undefined, inline: string | undefined, dollars: string | undefined, at: number) => {
    if (codeRun !== undefined) return match;
    // A line break in a formula is a space to TeX.
    if (inline !== undefined) return `$$${inline.replace(/[ \t]*\r?\n[ \t]*/g, " ")}$$`;
    const formula = (bracketed ?? dollars) as string;
    const lineStart = prose.lastIndexOf("\n", at - 1) + 1;
    const before = prose.slice(lineStart, at);
    const end = at + match.length;
    const lineEnd = prose.indexOf("\n", end);
    const after = prose.slice(end, lineEnd === -1 ? prose.length : lineEnd);
    const alone = prefixOnly.test(before) && blank.test(after);
    if (!alone && !formula.includes("\n")) return `$$${formula}$$`;
    // The fences take the indentation of the line the formula began on (a list item's content, a
    // quote's marks), and so does its first line when it began on that line; its other lines keep
    // their own. Text before it stays a line above, text after it a line below.
    const indent = (containerPrefix.exec(before)?.[0] ?? "").replace(/[-*+.)\d]/g, " ");
    const head = prefixOnly.test(before) ? "" : `\n${indent}`;
    const tail = blank.test(after) ? "" : `\n${indent}`;
    const firstLineBreak = /^[ \t]*\r?\n/.exec(formula);
    let body = firstLineBreak ? formula.slice(firstLineBreak[0].length) : indent + formula.trimStart();
    const lastLineStart = body.lastIndexOf("\n");
    body = lastLineStart !== -1 && prefixOnly.test(body.slice(lastLineStart + 1)) ? body.slice(0, lastLineStart).replace(/\r$/, "") : body.trimEnd();
    return `${head}$$\n${body}\n${indent}$$${tail}`;
  });
}
