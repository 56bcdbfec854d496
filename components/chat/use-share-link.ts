"use client";

import { useEffect, useState } from "react";
import { useChatStateReader } from "@/components/chat/chat-store-provider";
import { useMessageTexts } from "@/components/chat/use-message-texts";

/**
 * A conversation's "Share as a link" (components/chat/copy-share-link.ts,
 * a chunk): what it did, said under the conversation's row for a while, and
 * the action itself. A link the browser would not copy is shown to be
 * copied by hand.
 */
export function useShareLink(conversationId: string): [status: string | undefined, share: () => void] {
  const texts = useMessageTexts().conversation;
  const readState = useChatStateReader();
  const [status, setStatus] = useState<string>();

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(undefined), 8_000);
    return () => clearTimeout(timer);
  }, [status]);

  async function share() {
    const { copyShareLink } = await import("@/components/chat/copy-share-link");
    const outcome = await copyShareLink(readState(), conversationId, (link) => window.prompt(texts.linkToCopy, link));
    const said = { shared: texts.linkShared, cancelled: undefined, copied: texts.linkCopied, shown: undefined, too_long: texts.tooLongToShare, nothing_to_share: texts.nothingToShare };
    setStatus(said[outcome]);
  }

  return [status, () => void share()];
}
