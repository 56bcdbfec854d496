/**
 * Whether the page is used by touch (a phone, a tablet): its pointer is
 * coarse. There a keyboard has no Shift for a new line (below),
 * and a link is sent on from the system's share sheet, not the clipboard.
 */
export function isTouchScreen(): boolean {
  return matchMedia("(pointer: coarse)").matches;
}

/** What of a key press decides whether it sends: React's keyboard event has all of it. */
interface KeyPress {
  key: string;
  shiftKey: boolean;
  nativeEvent: { isComposing: boolean };
}

/**
 * Whether a key press in a message box sends the message: Enter, not
 * Shift+Enter (a new line), not the Enter that ends an IME composition
 * (Japanese, Korean), and not on a touch screen, whose keyboard has no Shift
 * to make a new line with: there Enter is a new line and the Send button
 * sends, as in ChatGPT's and Claude's apps on phones.
 */
export function sendsOnEnter({ key, shiftKey, nativeEvent }: KeyPress): boolean {
  return key === "Enter" && !shiftKey && !nativeEvent.isComposing && !isTouchScreen();
}
