"use client";

import { useSyncExternalStore } from "react";
import { createDrafts, type Drafts } from "@/lib/store/drafts";

let shared: Drafts | undefined;
const drafts = () => (shared ??= createDrafts(() => localStorage));
const subscribe = (listener: () => void) => drafts().subscribe(listener);
const noDraftOnTheServer = () => "";

/** Forgets the drafts of deleted conversations (every draft when none are named), and gives the named ones' text. */
export function forgetDrafts(conversationIds?: readonly (string | undefined)[]): string {
  return drafts().forget(conversationIds);
}

/** The text left unsent in a conversation (`undefined`: a chat not started yet). */
export function readDraft(conversationId: string | undefined): string {
  return drafts().read(conversationId);
}

/**
 * The message box's text as the draft of the conversation shown
 * (`lib/store/drafts.ts`): each conversation keeps its own, across reloads.
 * The server renders none; the page shows it as it hydrates.
 */
export function useDraft(conversationId: string | undefined): [text: string, change: (text: string) => void] {
  const text = useSyncExternalStore(subscribe, () => drafts().read(conversationId), noDraftOnTheServer);
  return [text, (next) => drafts().write(conversationId, next)];
}
