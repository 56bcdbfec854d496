import { readUsage } from "@/lib/chat/event-readers";
import type { ChatRole } from "@/lib/chat/schema";
import { isOpen } from "@/lib/store/chat-persistence";
import { mergeOtherTab, savedBefore } from "@/lib/store/merge-other-tab";
import type { AnswerVersion, ChatData, Continuation, Conversation, ConversationSettings, Message, MessageError, MessageStatus, QuestionBranch } from "@/lib/store/chat-types";
import {
  type FieldReaders,
  type Reader,
  invalid,
  readArray,
  readBoolean,
  readCount,
  readMember,
  readNumber,
  readObject,
  readOptional,
  readRecord,
  readString,
} from "@/lib/validation/readers";

// Read without zod, which would be most of the page's own first-load JS (lib/validation/readers.ts).
const roles: Record<ChatRole, true> = { system: true, user: true, assistant: true };
const statuses: Record<MessageStatus, true> = { waiting: true, streaming: true, done: true, stopped: true, error: true };

// What a message and each version of a regenerated answer have.
const versionFields: FieldReaders<AnswerVersion> = {
  content: readString,
  reasoning: readOptional(readString),
  status: readMember(statuses),
  model: readOptional(readString),
  finishReason: readOptional(readString),
  usage: readOptional(readUsage),
  error: readOptional(
    readObject<MessageError>({
      code: readString,
      message: readString,
      retryable: readBoolean,
      retryAfterSeconds: readOptional(readNumber()),
      reason: readOptional(readString),
    }),
  ),
  firstTokenMs: readOptional(readNumber()),
  reasoningMs: readOptional(readNumber()),
  totalMs: readOptional(readNumber()),
};

export const readMessage: Reader<Message> = readObject<Message>({
  ...versionFields,
  id: readString,
  role: readMember(roles),
  answerId: readOptional(readString),
  lastEventId: readOptional(readString),
  reconnecting: readOptional(readBoolean),
  continuation: readOptional(readObject<Continuation>({ contentLength: readCount, reasoningLength: readOptional(readCount), usageBefore: readOptional(readUsage) })),
  versions: readOptional(readArray(readObject<AnswerVersion>(versionFields))),
  version: readOptional(readCount),
  // The messages of a branch are messages too (read as such, whatever their depth).
  branches: readOptional(readArray(readObject<QuestionBranch>({ content: readString, following: readArray((value) => readMessage(value)) }))),
  branch: readOptional(readCount),
});

const readSettings = readObject<ConversationSettings>({
  systemPrompt: readString,
  model: readOptional(readString),
  temperature: readOptional(readNumber(0, 2)),
  reasoningEffort: readOptional(readString),
});

const readConversation = readObject<Conversation>({
  id: readString,
  title: readString,
  titleEdited: readBoolean,
  createdAt: readNumber(),
  updatedAt: readNumber(),
  messageIds: readArray(readString),
  settings: readSettings,
  pinned: readOptional(readBoolean),
});

export const readChatData = readObject<ChatData>({
  conversations: readRecord(readConversation),
  conversationIds: readArray(readString),
  activeConversationId: readOptional(readString),
  messages: readRecord(readMessage),
  streamResponses: readBoolean,
  newChatSettings: readOptional(readSettings),
});

/**
 * Checks saved chats and repairs what a crash can leave behind: ids that
 * point nowhere are dropped, and an answer cut off by a reload is kept open
 * to be resumed when the server named it (`answerId`), else kept as it was,
 * marked as stopped (`marked` is called then: saved so, other tabs stop
 * showing it waiting). Another tab's write (`fromOtherTab`) is taken as it
 * is: its open answers are in flight there. Undefined when the data cannot
 * be used at all.
 */
export function restoreChat(persisted: unknown, fromOtherTab = false, marked?: () => void): ChatData | undefined {
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
      const cutOff = !fromOtherTab && isOpen(message) && message.answerId === undefined;
      if (cutOff) marked?.();
      messages[messageId] = cutOff ? { ...kept, status: "stopped" } : kept;
    }
    conversations[id] = { ...conversation, messageIds };
  }
  const activeConversationId = data.activeConversationId !== undefined && conversations[data.activeConversationId] ? data.activeConversationId : conversationIds[0];
  return { conversations, conversationIds, activeConversationId, messages, streamResponses: data.streamResponses, newChatSettings: data.newChatSettings };
}

/**
 * Saved chats read into this tab's state, as another tab's write is
 * (`mergeOtherTab`): this tab keeps what is its own. For another tab's write
 * (`previousText`: what was saved before it), its open answers are taken as
 * they are (they are in flight there).
 * For the page's first read (`marked`: see `restoreChat`), against nothing
 * saved before: on a slow connection this reader comes seconds after the
 * message box works, and a question sent meanwhile (its conversation, its
 * answer streaming), or the streaming switch turned, is this page's own.
 * (Before, the read put the saved chats in place of the question, and its
 * answer went on into nothing.) With nothing done here, the first read gives
 * `restoreChat`'s data as it is. Undefined when the value cannot be used.
 */
export function readSavedChats(
  persisted: unknown,
  current: ChatData & { answering: Readonly<Record<string, unknown>> },
  from: { previousText: string | null } | { marked: () => void },
): ChatData | undefined {
  const otherTab = "previousText" in from;
  const saved = restoreChat(persisted, otherTab, otherTab ? undefined : from.marked);
  return saved && mergeOtherTab(current, { saved, previous: savedBefore(otherTab ? from.previousText : null) }, new Set(Object.keys(current.answering)));
}
