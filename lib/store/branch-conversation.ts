import type { ChatData, Conversation, Message } from "@/lib/store/chat-types";
import { emptyConversation, withConversation } from "@/lib/store/conversation-changes";

/** What stays with the original message: its other versions and branches, and how to resume it. */
const notCopied = ["versions", "version", "branches", "branch", "answerId", "lastEventId", "reconnecting", "continuation"] as const;

/**
 * The state with a new conversation that is a copy of another up to one of
 * its answers (Branch from here), first in the list and shown: to go
 * another way from there and keep the conversation as it was. Each message
 * is copied as shown (its other versions and branches stay with the
 * original), as finished text: nothing of how to resume it. The copy keeps
 * the conversation's settings; its questions' images are the same images
 * (one is deleted only when no question refers to it any more).
 */
export function withBranchedConversation(
  state: ChatData,
  { conversationId, messageId, newId, title, now }: { conversationId: string; messageId: string; newId: string; title: string; now: number },
): Partial<ChatData> {
  const original = state.conversations[conversationId];
  const until = original?.messageIds.indexOf(messageId) ?? -1;
  if (!original || until < 0) return {};
  const messages: Record<string, Message> = {};
  const messageIds = original.messageIds.slice(0, until + 1).map((id, index) => {
    const copyId = `${newId}-${index}`;
    const copy: Message = { ...(state.messages[id] as Message), id: copyId };
    for (const key of notCopied) delete copy[key];
    messages[copyId] = copy;
    return copyId;
  });
  const conversation: Conversation = { ...emptyConversation(newId, now, original.settings), title, titleEdited: true, messageIds };
  return { ...withConversation(state, conversation), messages: { ...state.messages, ...messages }, activeConversationId: newId };
}
