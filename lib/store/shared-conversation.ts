import { withImagesNamed } from "@/lib/chat/image-scheme";
import type { SharedConversation, SharedMessage } from "@/lib/chat/share-link";
import type { ChatData, Conversation, Message } from "@/lib/store/chat-types";
import { emptyConversation, withConversation } from "@/lib/store/conversation-changes";

/**
 * A conversation as a share link carries it: the messages shown (the
 * versions and branches shown, as a download takes them), text only. An
 * image in a question is this browser's (IndexedDB), so it goes as its name;
 * an answer that failed before any text is left out, and one that ended
 * early or is still being written goes as far as it went, marked stopped.
 */
export function sharedConversationOf(state: Pick<ChatData, "conversations" | "messages">, conversationId: string): SharedConversation | undefined {
  const conversation = state.conversations[conversationId];
  if (!conversation) return undefined;
  const messages: SharedMessage[] = [];
  for (const id of conversation.messageIds) {
    const message = state.messages[id];
    if (!message || (message.role !== "user" && message.role !== "assistant") || message.content === "") continue;
    messages.push({
      role: message.role,
      content: withImagesNamed(message.content),
      ...(message.reasoning ? { reasoning: message.reasoning } : {}),
      ...(message.model ? { model: message.model } : {}),
      ...(message.role === "assistant" && message.status !== "done" ? { stopped: true as const } : {}),
    });
  }
  return { title: withImagesNamed(conversation.title), messages };
}

/** A short, stable name for a link's text (FNV-1a, 52 bits): the same link opened twice is one conversation. */
function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index++) hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(index))) * 0x100000001b3n);
  return (hash >> 12n).toString(36);
}

/**
 * The state with a shared conversation added, first in the list, and shown:
 * a copy of this browser's own from now on, which it may go on with. Its id
 * comes from the link, so a link opened again shows the copy made the first
 * time (while it is kept) rather than make another.
 */
export function withSharedConversation(state: ChatData, shared: SharedConversation, fragment: string, now: number): Partial<ChatData> {
  const id = `shared-${fingerprint(fragment)}`;
  if (state.conversations[id]) return { activeConversationId: id };
  const messages: Record<string, Message> = {};
  const messageIds = shared.messages.map(({ stopped, ...message }, index) => {
    const messageId = `${id}-${index}`;
    // An image reference in a link would name an image of this browser's: a name is all it can be.
    messages[messageId] = { id: messageId, status: stopped ? "stopped" : "done", ...message, content: withImagesNamed(message.content) };
    return messageId;
  });
  // Started with new chats' settings, as a new chat is.
  const conversation: Conversation = { ...emptyConversation(id, now, state.newChatSettings), title: shared.title, titleEdited: true, messageIds };
  return { ...withConversation(state, conversation), messages: { ...state.messages, ...messages }, activeConversationId: id };
}
