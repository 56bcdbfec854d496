import type { Root } from "hast";
import { common, createLowlight } from "lowlight";

// highlight.js's 37 common grammars, as lowlight trees (hast), so the page
// renders them as React elements: no HTML strings, no innerHTML, nothing a
// strict CSP has to allow. This module is a chunk of its own, loaded while the
// page is idle (see markdown-message.tsx) or by the first finished code block
// (see highlighter-loader.ts): it is most of the markdown code's size.
const lowlight = createLowlight(common);

/** Token spans for `code`, or undefined when `language` is missing or unknown (the code stays plain, never guessed). */
export function highlightCode(code: string, language: string | undefined): Root | undefined {
  if (!language || !lowlight.registered(language)) return undefined;
  return lowlight.highlight(language, code);
}
