import type { ChatData, ChatNotice, Message } from "@/lib/store/chat-types";

/*
 * What the store needs of its saved form from the first render on. Reading
 * saved chats (restore-chat.ts) and bringing old ones up to date
 * (migrate-chat.ts) are chunks loaded only when there are saved chats, or
 * old ones: a first visit never fetches them.
 */

/**
 * Version 1 kept one conversation (`messageIds`); version 2 keeps many;
 * version 3 keeps, with an answer in flight, its last event id (with its
 * `answerId`, what a reload resumes from).
 */
export const persistVersion = 3;

/** The Web Storage key of the saved chats. */
export const savedChatsKey = "streamchat";

/** Streaming is on until someone turns it off. */
export const streamResponsesByDefault = true;

export const unreadableNotice: ChatNotice = "saved_chats_unreadable";

/** Said when the code that reads saved chats could not be fetched (the connection dropped): they are kept, and a reload shows them. */
export const notLoadedNotice: ChatNotice = "saved_chats_not_loaded";

/** Said while the browser has no room to save the chats: the person can delete conversations to make some. */
export const fullNotice: ChatNotice = "saved_chats_full";

/** An answer still being written (or cut off mid-way by a reload). */
export const isOpen = (message: Pick<Message, "status">) => message.status === "waiting" || message.status === "streaming";

/** What of the store is saved (and what a backup holds): the chats, the streaming setting and new chats' settings, not what is in flight. */
export function savedPart({ conversations, conversationIds, activeConversationId, messages, streamResponses, newChatSettings }: ChatData): ChatData {
  return { conversations, conversationIds, activeConversationId, messages, streamResponses, newChatSettings };
}
