import type { ChatData, Conversation, Message } from "@/lib/store/chat-types";

/*
 * Pure changes to the chat's data: each takes the state and returns the
 * fields that change, for the store's `set`. Nothing is changed in place.
 */

type Data = Pick<ChatData, "conversations" | "conversationIds" | "messages">;

/** A conversation's settings when none are chosen (the server's model, the model's defaults); the settings dialog shows them so too. */
export const noSettings: Conversation["settings"] = { systemPrompt: "" };

/** Untitled (""): the page shows "New chat" in the reader's language until the first message names it. */
export function emptyConversation(id: string, now: number, settings: Conversation["settings"] = noSettings): Conversation {
  return { id, title: "", titleEdited: false, createdAt: now, updatedAt: now, messageIds: [], settings };
}

export function withConversation(state: Data, conversation: Conversation): Pick<Data, "conversations" | "conversationIds"> {
  return {
    conversations: { ...state.conversations, [conversation.id]: conversation },
    conversationIds: [conversation.id, ...state.conversationIds.filter((id) => id !== conversation.id)],
  };
}

/** Adds `message` at the end of the conversation (with `change`), which moves to the top of the list. */
export function withMessageAdded(state: Data, conversationId: string, message: Message, now: number, change: Partial<Conversation> = {}): Partial<Data> {
  const conversation = state.conversations[conversationId];
  if (!conversation) return {};
  return {
    messages: { ...state.messages, [message.id]: message },
    ...withConversation(state, { ...conversation, ...change, messageIds: [...conversation.messageIds, message.id], updatedAt: now }),
  };
}

/** Keeps the conversation's first `keep` messages and forgets the rest. */
export function withMessagesTruncated(state: Data, conversationId: string, keep: number): Partial<Data> {
  const conversation = state.conversations[conversationId];
  if (!conversation) return {};
  const messages = { ...state.messages };
  for (const id of conversation.messageIds.slice(keep)) delete messages[id];
  return {
    messages,
    conversations: { ...state.conversations, [conversationId]: { ...conversation, messageIds: conversation.messageIds.slice(0, keep) } },
  };
}

export function withConversationChanged(state: Data, conversationId: string, change: Partial<Conversation>): Partial<Data> {
  const conversation = state.conversations[conversationId];
  if (!conversation) return {};
  return { conversations: { ...state.conversations, [conversationId]: { ...conversation, ...change } } };
}

/** Forgets a conversation and its messages; the next in the list becomes active if it was. */
export function withoutConversation(state: Data & Pick<ChatData, "activeConversationId">, conversationId: string): Partial<ChatData> {
  const conversation = state.conversations[conversationId];
  if (!conversation) return {};
  const conversations = { ...state.conversations };
  delete conversations[conversationId];
  const messages = { ...state.messages };
  for (const id of conversation.messageIds) delete messages[id];
  const conversationIds = state.conversationIds.filter((id) => id !== conversationId);
  const activeConversationId = state.activeConversationId === conversationId ? conversationIds[0] : state.activeConversationId;
  return { conversations, messages, conversationIds, activeConversationId };
}
