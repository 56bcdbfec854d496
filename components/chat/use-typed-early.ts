"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";
import { useChatActions, useSavedChatsRead } from "@/components/chat/chat-store-provider";
import { readDraft } from "@/components/chat/use-draft";

/**
 * Keeps what is typed in the message box before the page is ready, in the chat it was typed in.
 * Typed before the page's code ran (a slow connection), React neither saw the text nor would keep it: it becomes the
 * new chat's draft (after any draft it had). Until the saved chats are read the page shows a new chat, so text typed
 * then was begun as a new question: the page stays on a new chat rather than open the last conversation under it,
 * where the text would vanish from the box (kept as the new chat's draft) or, sent, be a follow-up to a conversation
 * not seen. Returns what the box calls on each change.
 */
export function useTypedEarly(box: RefObject<HTMLTextAreaElement | null>, setText: (text: string) => void, conversationId: string | undefined): () => void {
  const read = useSavedChatsRead();
  const { newConversation } = useChatActions();
  const typedInNewChat = useRef(false);

  // Once, as the page hydrates (before React empties the box): the chat shown is a new one then, since the saved chats
  // are read after the first render. Run again (as development's strict mode does), it would add the text twice.
  useLayoutEffect(() => {
    const typed = box.current?.value;
    if (typed && !typedInNewChat.current) {
      typedInNewChat.current = true;
      const draft = readDraft(undefined);
      setText(draft ? `${draft}\n${typed}` : typed);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once (above); `setText` is a new function each render
  }, []);

  // The read opens a conversation, in the commit that says it is read or in one before it (when its reader had to be
  // fetched): while the new chat holds text typed here, back to a new chat, before the browser paints. Sending empties
  // the draft first, so a question sent before the read (its conversation kept shown by the read) is not taken for it.
  useLayoutEffect(() => {
    if (typedInNewChat.current && conversationId && readDraft(undefined)) newConversation();
    if (read) typedInNewChat.current = false;
  }, [read, conversationId, newConversation]);

  return () => {
    typedInNewChat.current ||= !read && !conversationId;
  };
}
