import { persistVersion } from "@/lib/store/chat-persistence";
import type { ChatData, Conversation, Message } from "@/lib/store/chat-types";

/** A conversation to save: each of its questions answered by `answer`. */
export interface SavedConversation {
  id: string;
  title: string;
  questions: string[];
  answer: string;
  /** When it was last written to (ms since the epoch); 0, in January 1970, when not given. */
  updatedAt?: number;
}

/** The saved chats' text as the page keeps it in localStorage: these conversations, in this order, the first one shown. */
export function savedChatsText(saved: SavedConversation[]): string {
  const conversations: Record<string, Conversation> = {};
  const messages: Record<string, Message> = {};
  for (const { id, title, questions, answer, updatedAt = 0 } of saved) {
    const messageIds: string[] = [];
    questions.forEach((question, index) => {
      messages[`${id}-q${index}`] = { id: `${id}-q${index}`, role: "user", status: "done", content: question };
      messages[`${id}-a${index}`] = { id: `${id}-a${index}`, role: "assistant", status: "done", content: answer };
      messageIds.push(`${id}-q${index}`, `${id}-a${index}`);
    });
    conversations[id] = { id, title, titleEdited: true, createdAt: updatedAt, updatedAt, messageIds, settings: { systemPrompt: "" } };
  }
  const state: ChatData = { conversations, conversationIds: saved.map(({ id }) => id), activeConversationId: saved[0]?.id, messages, streamResponses: true };
  return JSON.stringify({ state, version: persistVersion });
}
