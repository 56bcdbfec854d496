/**
 * Models write formulas with LaTeX's own delimiters, `\(x\)` inline and
 * `\[x\]` displayed (what ChatGPT shows as math), and sometimes with
 * `$$x$$`. Markdown reads `\(` and `\[` as escaped brackets, so before
 * remark-math (which knows only dollars) they become dollars, as the
 * community's renderers do (LibreChat, Open WebUI, the Vercel AI chatbot):
 *
 * - `\(x\)` → `$$x$$`, inline math (remark-math's `$x$` is off, since
 *   prices such as "$5 and $10" are far more common in answers than math).
 * - `\[x\]`, and `$$x$$` that stands on lines of its own → a math block,
 *   its fences on lines of their own (remark-math drops text beside an
 *   opening fence, and does not close one that follows text).
 * - `\[x\]` with text before it on its line → inline math.
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

function convertProse(prose: string): string {
  if (prose === "") return prose;
  return prose.replace(mathOrCode, (match, codeRun: string | undefined, bracketed: string | undefined, inline: string | undefined, dollars: string | undefined, at: number) => {
    if (codeRun !== undefined) return match;
    if (inline !== undefined) return `$$${inline}$$`;
    const formula = (bracketed ?? dollars) as string;
    const lineStart = prose.lastIndexOf("\n", at - 1) + 1;
    const before = prose.slice(lineStart, at);
    const end = at + match.length;
    const lineEnd = prose.indexOf("\n", end);
    const after = prose.slice(end, lineEnd === -1 ? prose.length : lineEnd);
    const ownLines = blank.test(before) && (formula.includes("\n") || blank.test(after));
    if (!ownLines) return `$$${formula}$$`;
    // The formula's lines keep their own indentation; the fences take that of the line it began on (a list item's).
    const indent = before;
    const tail = blank.test(after) ? "" : `\n${indent}`;
    return `$$\n${indent}${formula.trim()}\n${indent}$$${tail}`;
  });
}
