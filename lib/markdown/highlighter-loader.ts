import type { highlightCode } from "@/lib/markdown/highlight-code";

export type Highlight = typeof highlightCode;

let loaded: Highlight | undefined;
let loading: Promise<Highlight | undefined> | undefined;
const listeners = new Set<() => void>();

/**
 * Loads the highlighter (a separate chunk) once: while the page is idle, or on
 * the first finished code block if that comes first; every code block waiting
 * for it is told when it is there. A failed load (the chunk could not be
 * fetched) leaves the code plain and lets the next finished block try again.
 */
export function loadHighlighter(): Promise<Highlight | undefined> {
  loading ??= import("@/lib/markdown/highlight-code").then(
    (module) => {
      loaded = module.highlightCode;
      for (const listener of listeners) listener();
      return loaded;
    },
    () => {
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

/** The highlighter once loaded: a snapshot for useSyncExternalStore. */
export function loadedHighlighter(): Highlight | undefined {
  return loaded;
}

export function subscribeToHighlighter(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
