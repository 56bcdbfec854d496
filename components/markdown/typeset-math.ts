import katex from "katex";
// Copying a selection with formulas in it gives their TeX ($…$, $$…$$) as the text, not KaTeX's glyphs.
import "katex/contrib/copy-tex";
// Chemistry as models write it, \ce{2H2 + O2 -> 2H2O} (8 kB more, in this chunk only).
import "katex/contrib/mhchem";
import "katex/dist/katex.min.css";

/**
 * Typesets `tex` into `element` with KaTeX: a chunk of its own (KaTeX is
 * larger than the rest of the markdown code), fetched when an answer first
 * has a formula's delimiter (math-formula.tsx). KaTeX builds DOM nodes, never HTML text, and with
 * `trust` off (its default) no command can make a link, a class, an id or
 * a style of the answer's choosing. `maxSize` and `maxExpand` bound what a
 * hostile formula can cost in layout and in macro expansion. The output
 * carries MathML beside the HTML, for screen readers. A formula KaTeX
 * cannot read (or cannot typeset at all) shows as its source in red, with
 * the reason as its title.
 */
export function typesetMath(tex: string, display: boolean, element: HTMLElement): void {
  try {
    katex.render(tex, element, { displayMode: display, throwOnError: false, strict: "ignore", maxSize: 20, maxExpand: 500, output: "htmlAndMathml" });
  } catch (error) {
    // Not a parse error (those are shown by KaTeX itself): a formula nested a thousand deep
    // overflows its stack. Shown as KaTeX shows one it cannot read.
    const source = document.createElement("span");
    source.className = "katex-error";
    source.title = `This formula could not be typeset: ${error instanceof Error ? error.message : String(error)}`;
    source.style.color = "#cc0000";
    source.textContent = tex;
    element.replaceChildren(source);
  }
}
