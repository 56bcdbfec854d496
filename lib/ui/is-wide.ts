/** Tailwind's `md`: from this width the conversations are a column beside the chat, not a drawer over it. */
export const wideScreen = "(min-width: 48rem)";

/** Whether the screen is wide (see `wideScreen`) now. */
export function isWide(): boolean {
  return window.matchMedia(wideScreen).matches;
}
