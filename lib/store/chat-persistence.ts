import * as z from "@/lib/chat/zod";
import { usageSchema } from "@/lib/chat/events";
import { chatRoleSchema } from "@/lib/chat/schema";
import { titleFrom } from "@/lib/store/chat-selectors";
import type { ChatData, ChatNotice, Conversation, Message } from "@/lib/store/chat-types";

/**
 * Version 1 kept one conversation (`messageIds`); version 2 keeps many;
 * version 3 keeps, with an answer in flight, its last event id (with its
 * `answerId`, what a reload resumes from).
 */
export const persistVersion = 3;

export const unreadableNotice: ChatNotice = "saved_chats_unreadable";

/** An answer still being written (or cut off mid-way by a reload). */
export const isOpen = (message: Pick<Message, "status">) => message.status === "waiting" || message.status === "streaming";

const messageSchema = z.object({
  id: z.string(),
  role: chatRoleSchema,
  content: z.string(),
  status: z.enum(["waiting", "streaming", "done", "stopped", "error"]),
  model: z.string().optional(),
  answerId: z.string().optional(),
  lastEventId: z.string().optional(),
  reconnecting: z.boolean().optional(),
  finishReason: z.string().optional(),
  usage: usageSchema.optional(),
  error: z.object({ code: z.string(), message: z.string(), retryable: z.boolean(), retryAfterSeconds: z.number().optional() }).optional(),
  firstTokenMs: z.number().optional(),
  totalMs: z.number().optional(),
});

const conversationSchema = z.object({
  id: z.string(),
  title: z.string(),
  titleEdited: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  messageIds: z.array(z.string()),
  settings: z.object({ systemPrompt: z.string(), model: z.string().optional(), temperature: z.number().min(0).max(2).optional() }),
});

const chatDataSchema = z.object({
  conversations: z.record(z.string(), conversationSchema),
  conversationIds: z.array(z.string()),
  activeConversationId: z.string().optional(),
  messages: z.record(z.string(), messageSchema),
  streamResponses: z.boolean(),
});

const version1Schema = z.object({
  messageIds: z.array(z.string()),
  messages: z.record(z.string(), messageSchema),
  streamResponses: z.boolean().optional(),
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
    const data = chatDataSchema.parse(persisted);
    return withOpenAnswersStopped({ ...data, activeConversationId: data.activeConversationId });
  }
  if (version !== 1) throw new Error(`saved chats of version ${version} cannot be read by version ${persistVersion}`);
  return withOpenAnswersStopped(migrateVersion1(persisted));
}

function migrateVersion1(persisted: unknown): ChatData {
  const old = version1Schema.parse(persisted);
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
  const parsed = chatDataSchema.safeParse(persisted);
  if (!parsed.success) return undefined;
  const data = parsed.data;
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
