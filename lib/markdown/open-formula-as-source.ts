/** Where the answer ends: still being written, or over but cut short (Stop, a length limit, an error). */
export type OpenEnd = "growing" | "cut";

/** Nothing but indentation and quote marks. */
export const prefixOnly = /^[ \t]*(?:>[ \t]?)*[ \t]*\r?$/;
/** What a line begins with before its text: indentation, quote marks, a list item's marker. */
const containerPrefix = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;

/**
 * The prefix a line inside the same container needs, for a formula that began after `before`
 * on its line: its indentation and quote marks as they are, a list item's marker as spaces.
 */
export function indentOf(before: string): string {
  return (containerPrefix.exec(before)?.[0] ?? "").replace(/[-*+.)\d]/g, " ");
}

/**
 * The end of an answer's text from the last delimiter after its formulas
 * (`formulasEnd`), one never closed, shown as its source exactly as written:
 * within a line, a code span; on a line of its own, while the answer is
 * written, a math block not closed yet (shown as source until it closes);
 * in an answer cut short, a `tex` code block (KaTeX would only show half a
 * formula as an error). `$$` counts in a cut answer only: while one is
 * written, remark-math already shows an open `$$` block as source.
 */
export function withOpenFormulaAsSource(prose: string, formulasEnd: number, openEnd: OpenEnd): string {
  const openers = openEnd === "cut" ? /(?<!\\)\\[([]|(?<![\\$])\$\$(?!\$)/g : /(?<!\\)\\[([]/g;
  const opener = [...prose.slice(formulasEnd).matchAll(openers)].at(-1);
  if (!opener) return prose;
  const at = formulasEnd + opener.index;
  const rest = prose.slice(at + opener[0].length);
  // In a code span (a backtick follows, or an odd number came before), or not a formula at all (a blank line follows): as it is.
  const backticksBefore = prose.slice(0, at).split("`").length - 1;
  if (rest.includes("`") || backticksBefore % 2 === 1 || /\n[ \t]*\r?\n/.test(rest)) return prose;
  const before = prose.slice(prose.lastIndexOf("\n", at - 1) + 1, at);
  if (opener[0] === "\\(" || !prefixOnly.test(before)) return `${prose.slice(0, at)}\`${opener[0]}${rest}\``;
  const indent = indentOf(before);
  if (openEnd === "cut") return `${prose.slice(0, at)}\`\`\`tex\n${indent}${opener[0]}${rest.trimEnd()}\n${indent}\`\`\``;
  const laterLines = rest.replace(/^[ \t]*\r?\n/, "");
  return `${prose.slice(0, at)}$$\n${laterLines === rest ? indent + rest.trimStart() : laterLines}`;
}
