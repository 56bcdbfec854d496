import { revealEvent } from "@/components/chat/use-follow-bottom";

/** How long a message found by a search stays marked once it is scrolled to. */
const markedMs = 2_000;
// An outline, not a ring: its offset is see-through in either theme.
const markClasses = ["outline-2", "outline-offset-4", "outline-yellow-500", "rounded-lg"];
/** The message is kept in the middle of the view while the answers around it take their size: until the log's size has stayed the same this long... */
const settledMs = 500;
/** ...and at most this long (formatting a long conversation's answers takes longer on a slow machine). */
const holdAtMostMs = 5_000;
/** How long the message is looked for once its conversation is asked for (its rows are a chunk, and may still be coming). */
const lookForMs = 3_000;
const readerInput = ["wheel", "touchstart", "keydown", "pointerdown"] as const;

/**
 * Scrolls the log to a message, in the middle of the view, and marks it for a
 * moment: what a search found, once its conversation is open. The message is
 * not on the page yet when this is called (the conversation opens in the next
 * render, at its end), so it is looked for frame by frame, for 3 s at most.
 * The log stops following its end, as when the reader scrolls up
 * (use-follow-bottom.ts). The answers above it are laid out and formatted
 * only as they come near the view, and each then takes its true height, which
 * would push the message out of view: it is brought back to the middle at
 * each change of the log's size, until the size has settled (or 5 s have
 * passed), or the reader scrolls.
 */
export function revealMessage(messageId: string): void {
  const lookUntil = performance.now() + lookForMs;
  const look = () => {
    const element = document.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(messageId)}"]`);
    if (!element) {
      if (performance.now() < lookUntil) requestAnimationFrame(look);
      return;
    }
    const log = element.parentElement;
    const scroller = log?.parentElement;
    let settled: ReturnType<typeof setTimeout> | undefined;
    const release = () => {
      observer.disconnect();
      clearTimeout(settled);
      clearTimeout(atMost);
      for (const type of readerInput) scroller?.removeEventListener(type, release);
    };
    const center = () => {
      // Said at each move, not once: should the log's own "open at the end" for the conversation just opened come after
      // the first, it would follow the end again.
      element.dispatchEvent(new Event(revealEvent, { bubbles: true }));
      element.scrollIntoView({ block: "center" });
      clearTimeout(settled);
      settled = setTimeout(release, settledMs);
    };
    const observer = new ResizeObserver(center);
    if (log) observer.observe(log);
    center();
    const atMost = setTimeout(release, holdAtMostMs);
    for (const type of readerInput) scroller?.addEventListener(type, release, { passive: true });
    element.classList.add(...markClasses);
    setTimeout(() => element.classList.remove(...markClasses), markedMs);
  };
  requestAnimationFrame(look);
}
