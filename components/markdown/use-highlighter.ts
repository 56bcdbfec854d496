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
