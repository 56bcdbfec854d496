/*
 * What first-load code needs of share links (lib/chat/share-link.ts): how to
 * tell that the page was opened from one. The rest is a chunk.
 */
export const shareFragmentPrefix = "#share=";

/** Whether the page's address carries a shared conversation. */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(shareFragmentPrefix);
}
