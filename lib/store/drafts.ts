/** Each conversation's draft is its own Web Storage entry: two tabs never write over each other's. */
export const draftKeyPrefix = "streamchat:draft:";

export interface Drafts {
  /** The text left unsent in a conversation (`undefined`: a chat not started yet); "" when none. */
  read(conversationId: string | undefined): string;
  /** Keeps `text` as the conversation's draft; "" forgets it. */
  write(conversationId: string | undefined, text: string): void;
  /** Forgets the drafts of these conversations, or every draft; gives the named conversations' drafts as they were, one after another (their images go too). */
  forget(conversationIds?: readonly (string | undefined)[]): string;
  /** Told after every change. */
  subscribe(listener: () => void): () => void;
}

/**
 * Unsent text per conversation in Web Storage, so that a reload, a tab closed
 * by mistake or a look at another conversation loses none of it, and text
 * begun in one conversation is never sent to another. Written at each change:
 * one small entry, not the saved chats, so a keystroke costs a short write.
 * Storage that is full or disabled costs the drafts, never the chat: the text
 * stays in the box.
 */
export function createDrafts(getStorage: () => Storage): Drafts {
  const texts = new Map<string, string>();
  const listeners = new Set<() => void>();
  const keyOf = (conversationId: string | undefined) => draftKeyPrefix + (conversationId ?? "");

  function withStorage(action: (storage: Storage) => void): void {
    try {
      action(getStorage());
    } catch {
      // Full or disabled.
    }
  }

  function read(conversationId: string | undefined): string {
    const key = keyOf(conversationId);
    let text = texts.get(key);
    if (text === undefined) {
      withStorage((storage) => (text = storage.getItem(key) ?? undefined));
      texts.set(key, (text ??= ""));
    }
    return text;
  }

  function change(key: string, text: string): void {
    texts.set(key, text);
    withStorage((storage) => (text ? storage.setItem(key, text) : storage.removeItem(key)));
    for (const listener of listeners) listener();
  }

  return {
    read,
    write(conversationId, text) {
      if (read(conversationId) !== text) change(keyOf(conversationId), text);
    },
    forget(conversationIds) {
      const forgotten = conversationIds?.map(read).join("\n") ?? "";
      const keys = conversationIds?.map(keyOf) ?? [...texts.keys()];
      if (!conversationIds) {
        withStorage((storage) => {
          for (let index = 0; index < storage.length; index++) {
            const key = storage.key(index);
            if (key?.startsWith(draftKeyPrefix)) keys.push(key);
          }
        });
      }
      for (const key of keys) change(key, "");
      return forgotten;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
