import { isOpen, persistVersion } from "@/lib/store/chat-persistence";
import { titleFrom } from "@/lib/store/chat-selectors";
import type { ChatData, Conversation, Message } from "@/lib/store/chat-types";
import { readChatData, readMessage } from "@/lib/store/restore-chat";
import { invalid, readArray, readBoolean, readObject, readOptional, readRecord, readString } from "@/lib/validation/readers";

// Saved chats of an older version (lib/store/chat-persistence.ts says what each kept): a chunk the
// store loads only when it finds one.

const readVersion1 = readObject<{ messageIds: string[]; messages: Record<string, Message>; streamResponses: boolean | undefined }>({
  messageIds: readArray(readString),
  messages: readRecord(readMessage),
  streamResponses: readOptional(readBoolean),
});

/**
 * Answers that were being written, as far as they went, stopped: version 2's
 * cut off by a reload were not resumable (it never asked for that), and a
 * backup's (chat-backup.ts) belong to a page that is gone.
 */
export function withOpenAnswersStopped(data: ChatData): ChatData {
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

