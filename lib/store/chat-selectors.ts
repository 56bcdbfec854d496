import { withImagesNamed } from "@/lib/chat/image-scheme";
import type { ChatMessage } from "@/lib/chat/schema";
import type { ChatState, Conversation, Message } from "@/lib/store/chat-types";

const noMessages: readonly string[] = [];

export function selectActiveConversation(state: Pick<ChatState, "conversations" | "activeConversationId">): Conversation | undefined {
  return state.activeConversationId === undefined ? undefined : state.conversations[state.activeConversationId];
}

/** The active conversation's message ids; the same empty array when there is none, so selecting it is stable. */
export function selectActiveMessageIds(state: Pick<ChatState, "conversations" | "activeConversationId">): readonly string[] {
  return selectActiveConversation(state)?.messageIds ?? noMessages;
}

/** Whether `id` is the active conversation's last message (only the last answer can be regenerated). */
export function selectIsLastMessage(state: Pick<ChatState, "conversations" | "activeConversationId">, id: string): boolean {
  const ids = selectActiveMessageIds(state);
  return ids[ids.length - 1] === id;
}

/** The assistant message being written in the active conversation, if any. */
export function selectAnsweringId(state: Pick<ChatState, "answering" | "activeConversationId">): string | undefined {
  return state.activeConversationId === undefined ? undefined : state.answering[state.activeConversationId];
}

/** The conversation as the model gets it: the system prompt, then every turn with text (a stopped answer's part included). */
export function historyOf(conversation: Conversation, messages: Record<string, Message>): ChatMessage[] {
  const turns = conversation.messageIds
    .map((id) => messages[id])
    .filter((message): message is Message => message !== undefined && message.content !== "")
    .map(({ role, content }) => ({ role, content }));
  const systemPrompt = conversation.settings.systemPrompt.trim();
  return systemPrompt ? [{ role: "system", content: systemPrompt }, ...turns] : turns;
}

/** A title from the first message: its first line (an image in it by name), cut to fit the sidebar; "" (untitled) when it has none. */
export function titleFrom(text: string): string {
  const firstLine = withImagesNamed(text).trim().split("\n", 1)[0] ?? "";
  return firstLine.length > 48 ? `${firstLine.slice(0, 47).trimEnd()}…` : firstLine;
}
