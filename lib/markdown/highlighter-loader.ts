import type { highlightCode } from "@/lib/markdown/highlight-code";
import { lazyModule } from "@/lib/markdown/lazy-module";

export type Highlight = typeof highlightCode;

/**
 * The highlighter, a separate chunk, loaded once: while the page is idle, or
 * on the first finished code block if that comes first; every code block
 * waiting for it is told when it is there. A failed load (the chunk could
 * not be fetched) leaves the code plain and lets the next finished block
 * try again.
 */
const highlighter = lazyModule(() => import("@/lib/markdown/highlight-code").then((module) => module.highlightCode));

export const loadHighlighter = highlighter.load;
export const loadedHighlighter = highlighter.loaded;
export const subscribeToHighlighter = highlighter.subscribe;
