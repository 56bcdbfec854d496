import { persistVersion, savedPart } from "@/lib/store/chat-persistence";
import type { ChatData, Conversation, Message } from "@/lib/store/chat-types";
import { migrateChat, withOpenAnswersStopped } from "@/lib/store/migrate-chat";
import { restoreChat } from "@/lib/store/restore-chat";

/** Conversations to add, in the order a sidebar lists them. */
export type AddedConversations = Pick<ChatData, "conversations" | "conversationIds" | "messages">;

/**
 * Every conversation as a file: the saved chats' own format (`{ state,
 * version }`, as localStorage holds them), so that a backup made by an
 * older version is read through the same migrations.
 */
export function backupText(state: ChatData): string {
  return JSON.stringify({ state: savedPart(state), version: persistVersion });
}

/** The backup's file name, with the day it was made: `streamchat-2026-12-05.json`. */
export function backupFileName(now: Date): string {
  return `streamchat-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * The conversations of a backup that are not here already (by id; one whose
 * messages' ids are taken is left out too, so nothing here is ever replaced),
 * and how many were. An answer that was being written when the backup was
 * made is kept as far as it went, stopped. Undefined for a file that is not a
 * backup, or one this version cannot read.
 */
export function readBackup(text: string, here: Pick<ChatData, "conversations" | "messages">): { added: AddedConversations; alreadyHere: number } | undefined {
  let data: ChatData | undefined;
  try {
    const parsed = JSON.parse(text) as { state?: unknown; version?: unknown };
    const version = parsed?.version;
    if (version === persistVersion) {
      const restored = restoreChat(parsed.state, true);
      data = restored && withOpenAnswersStopped(restored);
    }
    else if (typeof version === "number" && version < persistVersion) data = migrateChat(parsed.state, version);
  } catch {
    return undefined;
  }
  if (!data) return undefined;
  const added: AddedConversations = { conversations: {}, conversationIds: [], messages: {} };
  let alreadyHere = 0;
  for (const id of data.conversationIds) {
    const conversation = data.conversations[id] as Conversation;
    if (here.conversations[id] || conversation.messageIds.some((messageId) => here.messages[messageId])) {
      alreadyHere += 1;
      continue;
    }
    added.conversations[id] = conversation;
    added.conversationIds.push(id);
    for (const messageId of conversation.messageIds) added.messages[messageId] = data.messages[messageId] as Message;
  }
  return { added, alreadyHere };
}

/**
 * The state with a backup's conversations added below those here (an id
 * already here is left as it is): applied through the store's `setState` by
 * the settings dialog, a chunk, so that the page's first-load JS carries none
 * of it.
 */
export function withConversationsAdded(state: ChatData, added: AddedConversations): Partial<ChatData> {
  const conversations = added.conversationIds.filter((id) => !state.conversations[id]).map((id) => added.conversations[id] as Conversation);
  const messageIds = conversations.flatMap((conversation) => conversation.messageIds);
  return {
    conversations: { ...state.conversations, ...Object.fromEntries(conversations.map((conversation) => [conversation.id, conversation])) },
    conversationIds: [...state.conversationIds, ...conversations.map((conversation) => conversation.id)],
    messages: { ...Object.fromEntries(messageIds.map((id) => [id, added.messages[id] as Message])), ...state.messages },
    activeConversationId: state.activeConversationId ?? conversations[0]?.id,
  };
}
