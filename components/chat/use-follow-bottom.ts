"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** Dispatched (bubbling) by an element inside the scroller that is about to be scrolled into view: following stops. */
export const revealEvent = "streamchat:reveal";

/**
 * Keeps a scrolling element at its bottom while its content grows, as long as
 * the reader is at the bottom; the moment they scroll up it stops following,
 * and `jumpToLatest` brings it back (as does opening another conversation).
 */
export function useFollowBottom<T extends HTMLElement>(conversationId?: string) {
  const scrollerRef = useRef<T>(null);
  const followingRef = useRef(true);
  const [following, setFollowing] = useState(true);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    let lastScrollTop = scroller.scrollTop;
    const onScroll = () => {
      const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 32;
      // Scrolling up, even a little, is the reader taking over; reaching the bottom hands it back.
      const next = scroller.scrollTop < lastScrollTop ? atBottom && followingRef.current : atBottom || followingRef.current;
      lastScrollTop = scroller.scrollTop;
      if (next !== followingRef.current) {
        followingRef.current = next;
        setFollowing(next);
      }
    };
    const observer = new ResizeObserver(() => {
      if (followingRef.current) scroller.scrollTop = scroller.scrollHeight;
      lastScrollTop = scroller.scrollTop;
    });
    for (const child of Array.from(scroller.children)) observer.observe(child);
    // A message inside is being scrolled to (reveal-message.ts): that is the reader taking over too.
    const onReveal = () => {
      followingRef.current = false;
      setFollowing(false);
    };
    scroller.addEventListener("scroll", onScroll, { passive: true });
    scroller.addEventListener(revealEvent, onReveal);
    return () => {
      observer.disconnect();
      scroller.removeEventListener("scroll", onScroll);
      scroller.removeEventListener(revealEvent, onReveal);
    };
  }, []);

  // Another conversation opens at its latest message, following again.
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    followingRef.current = true;
    setFollowing(true);
    scroller.scrollTop = scroller.scrollHeight;
  }, [conversationId]);

  const jumpToLatest = useCallback(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    followingRef.current = true;
    setFollowing(true);
    scroller.scrollTo({ top: scroller.scrollHeight });
  }, []);

  return { scrollerRef, following, jumpToLatest };
}
