/** The window property the last click on a button before the page's code ran is kept in (lib/ui/record-early-click.ts). */
export const earlyClickKey = "streamchatEarlyClick";

/**
 * Clicks again, once the page's code runs, the last button clicked before it
 * did (`recordEarlyClick`), if it is still there and enabled: the menu or the
 * dialog asked for opens then, rather than never.
 */
export function replayEarlyClick(): void {
  const kept = window as unknown as Record<string, HTMLButtonElement | undefined>;
  const button = kept[earlyClickKey];
  kept[earlyClickKey] = undefined;
  if (button?.isConnected && !button.disabled) button.click();
}
