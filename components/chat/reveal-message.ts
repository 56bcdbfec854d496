import { revealEvent } from "@/components/chat/use-follow-bottom";

/** How long a message found by a search stays marked once it is scrolled to. */
const markedMs = 2_000;
// An outline, not a ring: its offset is see-through in either theme.
const markClasses = ["outline-2", "outline-offset-4", "outline-yellow-500", "rounded-lg"];
/** How long the message is kept in the middle of the view while the answers around it take their size. */
const holdMs = 1_500;
const readerInput = ["wheel", "touchstart", "keydown", "pointerdown"] as const;

/**
 * Scrolls the log to a message, in the middle of the view, and marks it for a
 * moment: what a search found, once its conversation is open. The message is
 * not on the page yet when this is called (the conversation opens in the next
 * render, at its end), so it is looked for frame by frame, for a second at
 * most. The log stops following its end, as when the reader scrolls up
 * (use-follow-bottom.ts). The answers above it are laid out and formatted
 * only as they come near the view, and each then takes its true height, which
 * would push the message out of view: it is brought back to the middle at
 * each change of the log's size for a moment, until the reader scrolls.
 */
export function revealMessage(messageId: string): void {
  let framesLeft = 60;
  const look = () => {
    const element = document.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(messageId)}"]`);
    if (!element) {
      if (--framesLeft > 0) requestAnimationFrame(look);
      return;
    }
    element.dispatchEvent(new Event(revealEvent, { bubbles: true }));
    const center = () => element.scrollIntoView({ block: "center" });
    center();
    const log = element.parentElement;
    const observer = new ResizeObserver(center);
    if (log) observer.observe(log);
    const scroller = log?.parentElement;
    const release = () => {
      observer.disconnect();
      for (const type of readerInput) scroller?.removeEventListener(type, release);
    };
    for (const type of readerInput) scroller?.addEventListener(type, release, { passive: true });
    setTimeout(release, holdMs);
    element.classList.add(...markClasses);
    setTimeout(() => element.classList.remove(...markClasses), markedMs);
  };
  requestAnimationFrame(look);
}
