"use client";

import { useEffect, useSyncExternalStore } from "react";
import { type Highlight, loadHighlighter, loadedHighlighter, subscribeToHighlighter } from "@/lib/markdown/highlighter-loader";

const notOnTheServer = () => undefined;

/** The highlighter, loaded (once, for the whole page) as soon as one caller `wants` it. */
export function useHighlighter(wants: boolean): Highlight | undefined {
  const highlight = useSyncExternalStore(subscribeToHighlighter, loadedHighlighter, notOnTheServer);
  useEffect(() => {
    if (wants && !highlight) void loadHighlighter();
  }, [wants, highlight]);
  return highlight;
}

/** A code fence opening a line (CommonMark: up to three spaces, then ``` or ~~~). */
const codeFence = /^ {0,3}(?:`{3}|~{3})/m;
let warmUpAsked = false;

/**
 * Loads the highlighter while the page is idle as soon as a streaming answer
 * opens a code fence. Its code is highlighted once finished, which for an
 * answer arriving faster than it is formatted is its end: loading it then
 * (fetching and running the chunk, registering its grammars: some 50 ms)
 * would come between the answer's last text and its paint.
 */
export function useHighlighterWarmUp(text: string, streaming: boolean): void {
  useEffect(() => {
    if (warmUpAsked || !streaming || !codeFence.test(text)) return;
    warmUpAsked = true;
    const load = () => void loadHighlighter();
    // Not cancelled with the render: a fast stream renders again before the page is ever idle.
    if ("requestIdleCallback" in window) requestIdleCallback(load, { timeout: 2_000 });
    else setTimeout(load, 0);
  }, [text, streaming]);
}
