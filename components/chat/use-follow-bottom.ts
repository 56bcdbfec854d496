"use client";

import { useEffect, useRef } from "react";

/**
 * Keeps a scrolling element at its bottom while its content grows, as long as
 * the reader was at the bottom; once they scroll up, it stops following.
 */
export function useFollowBottom<T extends HTMLElement>() {
  const scrollerRef = useRef<T>(null);
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    let atBottom = true;
    const onScroll = () => {
      atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 32;
    };
    const observer = new ResizeObserver(() => {
      if (atBottom) scroller.scrollTop = scroller.scrollHeight;
    });
    for (const child of Array.from(scroller.children)) observer.observe(child);
    scroller.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      observer.disconnect();
      scroller.removeEventListener("scroll", onScroll);
    };
  }, []);
  return scrollerRef;
}
