import { readUsage } from "@/lib/chat/event-readers";
import type { ChatRole } from "@/lib/chat/schema";
import { titleFrom } from "@/lib/store/chat-selectors";
import type { ChatData, ChatNotice, Conversation, ConversationSettings, Message, MessageError, MessageStatus } from "@/lib/store/chat-types";
import {
  invalid,
  readArray,
  readBoolean,
  readMember,
  readNumber,
  readObject,
  readOptional,
  readRecord,
  readString,
} from "@/lib/validation/readers";

/**
 * Version 1 kept one conversation (`messageIds`); version 2 keeps many;
 * version 3 keeps, with an answer in flight, its last event id (with its
 * `answerId`, what a reload resumes from).
 */
export const persistVersion = 3;

export const unreadableNotice: ChatNotice = "saved_chats_unreadable";

/** An answer still being written (or cut off mid-way by a reload). */
export const isOpen = (message: Pick<Message, "status">) => message.status === "waiting" || message.status === "streaming";

// Read without zod, which would be most of the page's own first-load JS (lib/validation/readers.ts).
const roles: Record<ChatRole, true> = { system: true, user: true, assistant: true };
const statuses: Record<MessageStatus, true> = { waiting: true, streaming: true, done: true, stopped: true, error: true };

const readMessage = readObject<Message>({
  id: readString,
  role: readMember(roles),
  content: readString,
  status: readMember(statuses),
  model: readOptional(readString),
  answerId: readOptional(readString),
  lastEventId: readOptional(readString),
  reconnecting: readOptional(readBoolean),
  finishReason: readOptional(readString),
  usage: readOptional(readUsage),
  error: readOptional(
    readObject<MessageError>({ code: readString, message: readString, retryable: readBoolean, retryAfterSeconds: readOptional(readNumber()) }),
  ),
  firstTokenMs: readOptional(readNumber()),
  totalMs: readOptional(readNumber()),
});

const readConversation = readObject<Conversation>({
  id: readString,
  title: readString,
  titleEdited: readBoolean,
  createdAt: readNumber(),
  updatedAt: readNumber(),
  messageIds: readArray(readString),
  settings: readObject<ConversationSettings>({ systemPrompt: readString, model: readOptional(readString), temperature: readOptional(readNumber(0, 2)) }),
});

const readChatData = readObject<ChatData>({
  conversations: readRecord(readConversation),
  conversationIds: readArray(readString),
  activeConversationId: readOptional(readString),
  messages: readRecord(readMessage),
  streamResponses: readBoolean,
});

const readVersion1 = readObject<{ messageIds: string[]; messages: Record<string, Message>; streamResponses: boolean | undefined }>({
  messageIds: readArray(readString),
  messages: readRecord(readMessage),
  streamResponses: readOptional(readBoolean),
});

/** Version 2's answers cut off by a reload were not resumable (it never asked for that): they stay as they were, stopped. */
function withOpenAnswersStopped(data: ChatData): ChatData {
  const messages: Record<string, Message> = {};
  for (const [id, message] of Object.entries(data.messages)) messages[id] = isOpen(message) ? { ...message, status: "stopped" } : message;
  return { ...data, messages };
}

/** Brings older saved chats up to `persistVersion`; throws for what it cannot read (the store then starts afresh, with a notice). */
export function migrateChat(persisted: unknown, version: number): ChatData {
  if (version === 2) {
    const data = readChatData(persisted);
    if (data === invalid) throw new Error("saved chats of version 2 that cannot be read");
    return withOpenAnswersStopped(data);
  }
  if (version !== 1) throw new Error(`saved chats of version ${version} cannot be read by version ${persistVersion}`);
  return withOpenAnswersStopped(migrateVersion1(persisted));
}

function migrateVersion1(persisted: unknown): ChatData {
  const old = readVersion1(persisted);
  if (old === invalid) throw new Error("saved chats of version 1 that cannot be read");
  const now = Date.now();
  const firstUser = old.messageIds.map((id) => old.messages[id]).find((message) => message?.role === "user");
  const conversation: Conversation = {
    id: "conversation-from-version-1",
    title: titleFrom(firstUser?.content ?? ""),
    titleEdited: false,
    createdAt: now,
    updatedAt: now,
    messageIds: old.messageIds,
    settings: { systemPrompt: "" },
  };
  return {
    conversations: { [conversation.id]: conversation },
    conversationIds: [conversation.id],
    activeConversationId: conversation.id,
    messages: old.messages,
    streamResponses: old.streamResponses ?? true,
  };
}

/**
 * Checks saved chats and repairs what a crash can leave behind: ids that
 * point nowhere are dropped, and an answer cut off by a reload is kept open
 * to be resumed when the server named it (`answerId`), else kept as it was,
 * marked as stopped. Another tab's write (`fromOtherTab`) is taken as it is:
 * its open answers are in flight there. Undefined when the data cannot be
 * used at all.
 */
export function restoreChat(persisted: unknown, fromOtherTab = false): ChatData | undefined {
  const data = readChatData(persisted);
  if (data === invalid) return undefined;
  const messages: Record<string, Message> = {};
  const conversations: Record<string, Conversation> = {};
  const conversationIds = data.conversationIds.filter((id) => data.conversations[id] !== undefined);
  for (const id of conversationIds) {
    const conversation = data.conversations[id] as Conversation;
    const messageIds = conversation.messageIds.filter((messageId) => data.messages[messageId] !== undefined);
    for (const messageId of messageIds) {
      const message = data.messages[messageId] as Message;
      // Whether it was reconnecting is this page's to find out again.
      const kept = { ...message };
      delete kept.reconnecting;
      messages[messageId] = fromOtherTab || !isOpen(message) || message.answerId !== undefined ? kept : { ...kept, status: "stopped" };
    }
    conversations[id] = { ...conversation, messageIds };
  }
  const activeConversationId = data.activeConversationId !== undefined && conversations[data.activeConversationId] ? data.activeConversationId : conversationIds[0];
  return { conversations, conversationIds, activeConversationId, messages, streamResponses: data.streamResponses };
}
