import { imageIdsIn } from "@/lib/chat/image-references";
import { persistVersion, savedPart } from "@/lib/store/chat-persistence";
import type { ChatData, Conversation, Message } from "@/lib/store/chat-types";
import { migrateChat, withOpenAnswersStopped } from "@/lib/store/migrate-chat";
import { restoreChat } from "@/lib/store/restore-chat";

/** Conversations to add, in the order a sidebar lists them. */
export type AddedConversations = Pick<ChatData, "conversations" | "conversationIds" | "messages">;

/** The ids of the images the conversations' questions refer to (lib/chat/image-scheme.ts), each once. */
export function imageIdsOf(state: ChatData): string[] {
  return imageIdsIn(JSON.stringify(savedPart(state)));
}

/**
 * Every conversation as a file: the saved chats' own format (`{ state,
 * version }`, as localStorage holds them), so that a backup made by an
 * older version is read through the same migrations; and beside it, the
 * images their questions refer to (`images`: `data:` URLs by id), which this
 * browser keeps apart from the chats.
 */
export function backupText(state: ChatData, images: ReadonlyMap<string, string> = new Map()): string {
  return JSON.stringify({ state: savedPart(state), version: persistVersion, ...(images.size > 0 ? { images: Object.fromEntries(images) } : {}) });
}

/** The backup's file name, with the day it was made: `streamchat-2026-12-05.json`. */
export function backupFileName(now: Date): string {
  return `streamchat-${now.toISOString().slice(0, 10)}.json`;
}

/**
 * The conversations of a backup that are not here already (by id; one whose
 * messages' ids are taken is left out too, so nothing here is ever replaced),
 * and how many were. An answer that was being written when the backup was
 * made is kept as far as it went, stopped. With them, the images they refer
 * to that the file holds, to be kept in this browser. Undefined for a file
 * that is not a backup, or one this version cannot read.
 */
export function readBackup(
  text: string,
  here: Pick<ChatData, "conversations" | "messages">,
): { added: AddedConversations; alreadyHere: number; images: Map<string, string> } | undefined {
  let data: ChatData | undefined;
  let images: unknown;
  try {
    const parsed = JSON.parse(text) as { state?: unknown; version?: unknown; images?: unknown };
    images = parsed?.images;
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
  // The images of the conversations added, and only images: anything else in the file is not kept.
  const addedImages = new Map<string, string>();
  const stored = typeof images === "object" && images !== null ? (images as Record<string, unknown>) : {};
  for (const id of imageIdsIn(JSON.stringify(added.messages))) {
    const url = Object.hasOwn(stored, id) ? stored[id] : undefined;
    if (typeof url === "string" && /^data:image\/(png|jpeg|webp|gif);base64,/.test(url)) addedImages.set(id, url);
  }
  return { added, alreadyHere, images: addedImages };
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
