"use client";

import { lazyComponent } from "@/components/lazy-component";

// The rows of the message list and of the conversation list (a message with its actions, metrics and
// error; a conversation with its rename form) show nothing on a first visit until something is sent.
// As chunks of their own they are not first-load JS: the page asks for them as it hydrates when there
// are saved chats to show, else once it is up (ChatStoreProvider), so they are there before they are
// needed; the lists wait for them in a Suspense boundary meanwhile.
const loadMessageItem = () => import("@/components/chat/message-item");
const loadConversationItem = () => import("@/components/chat/conversation-item");
const loadConversationGroups = () => import("@/components/chat/conversation-groups");

export const LazyMessageItem = lazyComponent(() => loadMessageItem().then((module) => module.MessageItem));
export const LazyConversationItem = lazyComponent(() => loadConversationItem().then((module) => module.ConversationItem));
export const LazyConversationGroups = lazyComponent(() => loadConversationGroups().then((module) => module.ConversationGroups));

/** Starts loading the rows (and the conversations' groups). A prefetch: should it fail, the lists ask again when they render one. */
export function preloadChatRows(): void {
  loadMessageItem().catch(() => undefined);
  loadConversationItem().catch(() => undefined);
  loadConversationGroups().catch(() => undefined);
}
