import { isOpen, streamResponsesByDefault } from "@/lib/store/chat-persistence";
import type { ChatData, Conversation, Message } from "@/lib/store/chat-types";

/** Event ids are 0, 1, 2, ...: the larger one has more of the answer. */
function eventNumber(message: Message): number {
  const number = Number(message.lastEventId);
  return message.lastEventId === undefined || !Number.isInteger(number) ? -1 : number;
}

/**
 * Of two tabs' copies of one message, the one further along: a copy saved
 * before its answer began (waiting, not yet named by the server) never wins
 * over another, an ended answer never goes back to streaming, and of two
 * open copies of one answer the one with the later event wins. Each copy's
 * text and last event id were saved together, so either is a consistent
 * place to resume from. Otherwise (another run of the answer: continued
 * there) the saved copy, the other tab's newer word.
 */
export function furtherAlong(local: Message | undefined, saved: Message | undefined): Message | undefined {
  if (!local || !saved) return saved ?? local;
  // A copy kept waiting, say by a tab that wrote before the answer's start was saved, once set a finished answer back to waiting for good.
  if (saved.status === "waiting" && saved.answerId === undefined) return local;
  if (local.answerId !== saved.answerId) return saved;
  if (!isOpen(local) && isOpen(saved)) return local;
  if (isOpen(local) && isOpen(saved) && eventNumber(local) > eventNumber(saved)) return local;
  return saved;
}

/**
 * Whether two values read from JSON (or about to be written as JSON) are the
 * same, whatever the order of their keys: this tab's objects and a saved
 * copy's may list them differently, and a key set to undefined is not saved.
 */
function sameJson(one: unknown, other: unknown): boolean {
  if (one === other) return true;
  if (typeof one !== "object" || typeof other !== "object" || one === null || other === null) return false;
  if (Array.isArray(one) || Array.isArray(other)) {
    return Array.isArray(one) && Array.isArray(other) && one.length === other.length && one.every((item, index) => sameJson(item, other[index]));
  }
  const oneRecord = one as Record<string, unknown>;
  const otherRecord = other as Record<string, unknown>;
  const keys = (record: Record<string, unknown>) => Object.keys(record).filter((key) => record[key] !== undefined);
  const oneKeys = keys(oneRecord);
  return oneKeys.length === keys(otherRecord).length && oneKeys.every((key) => sameJson(oneRecord[key], otherRecord[key]));
}

/**
 * `local` when it is the same as `incoming`: every message and conversation
 * of another tab's write is a new object, and keeping the ones that did not
 * change means their components do not render again.
 */
function unchanged<T extends Message | Conversation>(local: T | undefined, incoming: T): T {
  if (!local || local === incoming) return incoming;
  if ("content" in local && "content" in incoming && local.content.length !== incoming.content.length) return incoming;
  return sameJson(local, incoming) ? local : incoming;
}

/** What a merge compares another tab's write with: what was saved before it (the storage event's `oldValue`). */
export interface SavedBefore {
  /** The conversation ids: gone from the new value, they were deleted there. */
  ids: ReadonlySet<string>;
  /**
   * The conversations as they were saved (titles, settings, message ids), when
   * the value could be read: one that differs here and not there was changed
   * here and not saved yet, and one gone here and the same there was deleted here.
   */
  conversations?: Readonly<Record<string, unknown>>;
  /** The streaming setting (unknown when the value could not be read): this tab's, when different, was changed here and not saved yet. */
  streamResponses?: boolean;
}

/**
 * What a saved value (a `storage` event's `oldValue`, or the text a tab last
 * read or wrote) held. Nothing saved: no ids, and the default setting.
 */
export function savedBefore(text: string | null): SavedBefore {
  if (text === null) return { ids: new Set(), streamResponses: streamResponsesByDefault };
  try {
    const state = (JSON.parse(text) as { state?: { conversationIds?: unknown; conversations?: unknown; streamResponses?: unknown } } | null)?.state;
    const ids = state?.conversationIds;
    const conversations = state?.conversations;
    return {
      ids: new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : []),
      ...(typeof conversations === "object" && conversations !== null && !Array.isArray(conversations)
        ? { conversations: conversations as Record<string, unknown> }
        : {}),
      ...(typeof state?.streamResponses === "boolean" ? { streamResponses: state.streamResponses } : {}),
    };
  } catch {
    return { ids: new Set() };
  }
}

export interface OtherTabWrite {
  /** What the other tab saved. */
  saved: ChatData;
  previous: SavedBefore;
}

/**
 * This tab's data once another tab saved its own. Every tab keeps the whole
 * chat in one localStorage entry, so each write replaces the others': to
 * never fight, a tab takes in what another saved at once, and keeps only what
 * is its own to decide:
 * - the conversations it is answering (or following) right now: their text
 *   comes in live here, so its copy is the newest;
 * - conversations made here and not saved yet (in neither the old nor the new value);
 * - conversations changed or deleted here and not saved yet, which the other
 *   tab did not change (the same there as in the copy saved before): a rename,
 *   a deletion, or an answer that ended here in the moment before the other
 *   tab's write was heard;
 * - which conversation it shows (each tab looks at its own);
 * - the streaming setting, when it changed here since the copy saved before.
 * Everything else is the other tab's newer word: renames, deletions, new
 * conversations, settings (new chats' too), and a conversation both tabs changed. A message is
 * never set back (`furtherAlong`).
 */
export function mergeOtherTab(local: ChatData, write: OtherTabWrite, answeringHere: ReadonlySet<string>): ChatData {
  const { saved, previous } = write;
  const before = previous.conversations;
  /** The other tab did not change it: as in the copy saved before (unknown without that copy: then it is the other tab's word). */
  const sameThereAsBefore = (id: string) => before?.[id] !== undefined && sameJson(before[id], saved.conversations[id]);
  const conversations: Record<string, Conversation> = {};
  for (const [id, conversation] of Object.entries(saved.conversations)) conversations[id] = unchanged(local.conversations[id], conversation);
  const messages: Record<string, Message> = {};
  for (const [id, message] of Object.entries(saved.messages)) messages[id] = unchanged(local.messages[id], furtherAlong(local.messages[id], message) ?? message);
  const deletedHere = new Set(saved.conversationIds.filter((id) => local.conversations[id] === undefined && sameThereAsBefore(id)));
  for (const id of deletedHere) {
    for (const messageId of conversations[id]?.messageIds ?? []) delete messages[messageId];
    delete conversations[id];
  }
  const madeHere: string[] = [];
  for (const id of local.conversationIds) {
    const conversation = local.conversations[id];
    if (!conversation) continue;
    const inSaved = saved.conversations[id] !== undefined;
    const answering = answeringHere.has(id);
    const keep = inSaved ? answering || (sameThereAsBefore(id) && !sameJson(before?.[id], conversation)) : !previous.ids.has(id);
    if (!keep) continue;
    if (!inSaved) madeHere.push(id);
    // Answered here, this tab's messages are the newest; otherwise a message the other tab is further along in (it answers there) is its.
    const kept = conversation.messageIds.map((messageId) => (answering ? undefined : messages[messageId]) ?? local.messages[messageId]);
    for (const messageId of saved.conversations[id]?.messageIds ?? []) delete messages[messageId];
    conversations[id] = conversation;
    for (const message of kept) if (message) messages[message.id] = message;
  }
  const conversationIds = [...madeHere, ...saved.conversationIds.filter((id) => !deletedHere.has(id))];
  const activeConversationId =
    local.activeConversationId !== undefined && conversations[local.activeConversationId] ? local.activeConversationId : (saved.activeConversationId ?? conversationIds[0]);
  const changedHere = previous.streamResponses !== undefined && local.streamResponses !== previous.streamResponses;
  // New chats' settings are written the moment they are set (saveNow): the other tab's are the newer.
  return {
    conversations,
    conversationIds,
    activeConversationId,
    messages,
    streamResponses: changedHere ? local.streamResponses : saved.streamResponses,
    newChatSettings: saved.newChatSettings,
  };
}
