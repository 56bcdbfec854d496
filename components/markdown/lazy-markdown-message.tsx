"use client";

import { lazyComponent } from "@/components/lazy-component";

// The markdown renderer (react-markdown, remark-gfm, micromark) is the largest part of the page after
// React. As a chunk of its own, it is not first-load JS: pages ask for it once they are up (see
// preloadMarkdown; the chat, once its message rows have come), and an answer that comes before it
// is there shows as plain text meanwhile.
export const LazyMarkdownMessage = lazyComponent(() => import("@/components/markdown/markdown-message").then((module) => module.MarkdownMessage));

/** Starts loading the renderer; called once a page is up (the chat: once its message rows have come). */
export function preloadMarkdown(): void {
  void import("@/components/markdown/markdown-message");
}
