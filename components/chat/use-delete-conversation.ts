"use client";

import type { RefObject } from "react";
import { useChatActions, useChatStateReader } from "@/components/chat/chat-store-provider";
import { newChatButtonId } from "@/components/chat/element-ids";
import { forgetDrafts } from "@/components/chat/use-draft";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { imageIdsIn } from "@/lib/chat/image-references";

/**
 * A conversation's "Delete", once confirmed: its draft and its images go with
 * it, and focus moves from its row (`row`, an element in it) to the
 * neighbouring conversation, in its group or the next (or to New chat), not
 * to the page's start.
 */
export function useDeleteConversation(conversationId: string, title: string, row: RefObject<HTMLElement | null>): () => void {
  const texts = useMessageTexts();
  const { deleteConversation } = useChatActions();
  const readState = useChatStateReader();
  return () => {
    if (!window.confirm(texts.conversation.confirmDelete(title))) return;
    const item = row.current?.closest("li");
    const items = [...(item?.closest("nav")?.querySelectorAll("li") ?? [])];
    const index = item ? items.indexOf(item) : -1;
    const next = (items[index + 1] ?? items[index - 1])?.querySelector("button") ?? document.getElementById(newChatButtonId);
    const { conversations, messages } = readState();
    const draft = forgetDrafts([conversationId]);
    const imageIds = imageIdsIn(JSON.stringify((conversations[conversationId]?.messageIds ?? []).map((messageId) => messages[messageId])) + draft);
    deleteConversation(conversationId);
    next?.focus();
    // Its images go with it, those of its unsent draft too (IndexedDB, read only when it had some), unless another question refers to one.
    if (imageIds.length > 0)
      void import("@/lib/client/image-store").then((module) => module.deleteImages(imageIds, JSON.stringify(readState().messages))).catch(() => undefined);
  };
}
