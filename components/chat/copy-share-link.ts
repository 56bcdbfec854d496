import { longestShareLink, shareFragment } from "@/lib/chat/share-link";
import type { ChatData } from "@/lib/store/chat-types";
import { sharedConversationOf } from "@/lib/store/shared-conversation";
import { isTouchScreen } from "@/lib/ui/sends-on-enter";

export type ShareOutcome = "shared" | "cancelled" | "copied" | "shown" | "too_long" | "nothing_to_share";

/**
 * Makes a conversation's share link (lib/chat/share-link.ts) and hands it
 * on: on a touch screen to the system's share sheet (Web Share: messages,
 * mail, Copy), as a phone's apps do; elsewhere, or where the sheet cannot
 * be had, to the clipboard. Where the browser will not write it there (no
 * permission, or the click's user activation spent on the way, as Safari
 * counts it), `showLink` shows it to be copied by hand. A chunk, with the
 * compression.
 */
export async function copyShareLink(
  state: Pick<ChatData, "conversations" | "messages">,
  conversationId: string,
  showLink: (link: string) => void,
): Promise<ShareOutcome> {
  const shared = sharedConversationOf(state, conversationId);
  if (!shared || shared.messages.length === 0) return "nothing_to_share";
  const link = `${location.origin}${location.pathname}${await shareFragment(shared)}`;
  if (link.length > longestShareLink) return "too_long";
  if (typeof navigator.share === "function" && isTouchScreen()) {
    try {
      await navigator.share({ title: shared.title, url: link });
      return "shared";
    } catch (error) {
      // Closed by the reader: nothing more to do. Refused (no activation left): the clipboard, below.
      if (error instanceof DOMException && error.name === "AbortError") return "cancelled";
    }
  }
  try {
    await navigator.clipboard.writeText(link);
    return "copied";
  } catch {
    showLink(link);
    return "shown";
  }
}
