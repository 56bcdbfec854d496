"use client";

import { type RefObject, useEffect } from "react";

/** The nearest ancestor that scrolls: what is near view is measured in it (null: the viewport). */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(node).overflowY)) return node;
  }
  return null;
}

/**
 * While `watching`, tells `setNear` whether the element `ref` points to is on
 * screen or within a screen's height of it, each time that changes. Watching
 * costs an observer, so only what waits to be formatted is watched.
 */
export function useNearView(ref: RefObject<HTMLElement | null> | undefined, watching: boolean, setNear: (near: boolean) => void): void {
  useEffect(() => {
    const element = ref?.current;
    if (!watching || !element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1);
        if (entry) setNear(entry.isIntersecting);
      },
      { root: scrollingAncestor(element), rootMargin: "100% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, watching, setNear]);
}
