import type { PersistStorage, StorageValue } from "zustand/middleware";

/** Web Storage refused a write for want of room (Firefox names it its own way). */
function isQuotaExceeded(error: unknown): boolean {
  return error instanceof DOMException && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED");
}

/**
 * A `persist` storage over Web Storage that writes at most once per
 * `intervalMs`. While an answer streams the state changes every frame, and
 * serialising the whole conversation each time would cost its full length per
 * frame. The latest state is written at the end of each interval, and at once
 * when the page is hidden or unloaded, so a reload loses nothing.
 *
 * Other tabs write the same entry. When it changed since this tab last read
 * or wrote it, another tab's write has not been taken in yet, and writing
 * would put back what this tab had before over it: the other tab would then
 * take that for a deletion of what it had added, even of the conversation it
 * is answering in. So the write waits, and `takeInOtherWrite` is asked to take
 * that write in (with the text this tab last knew; the store merges it, which
 * reads it, and writes the merged state) however slow its `storage` event is,
 * even when the page is being hidden. A write asked for before a read is
 * never made: it holds this tab's state from before what was read was taken
 * in (another tab's conversation missing, or its answer behind), and written
 * it would be taken for a deletion there too. The store saves anew once it
 * has taken the read in (`hasPending` says so while one is held back).
 *
 * A write refused because the browser's storage is full calls `onFull(true)`,
 * and the first write that succeeds after it `onFull(false)`.
 */
export function createThrottledStorage<T>(
  getStorage: () => Storage,
  takeInOtherWrite: (previousText: string | null) => void,
  intervalMs = 1_000,
  onFull: (full: boolean) => void = () => undefined,
): PersistStorage<T> & { flush(): void; hasPending(): boolean } {
  let pending: { name: string; value: StorageValue<T>; beforeRead?: true } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The text this tab last read or wrote; what another tab wrote since differs from it. */
  let known: string | null | undefined;
  /** The last write was refused for want of room: `onFull` was told, and is told again once one succeeds. */
  let full = false;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!pending || pending.beforeRead) return;
    const { name, value } = pending;
    try {
      const storage = getStorage();
      const current = storage.getItem(name);
      if (known !== undefined && current !== known) {
        takeInOtherWrite(known);
        timer = setTimeout(flush, intervalMs);
        return;
      }
      pending = undefined;
      const text = JSON.stringify(value);
      storage.setItem(name, text);
      known = text;
      if (full) onFull((full = false));
    } catch (error) {
      // Storage full or disabled: the chat goes on, unsaved; the next change tries again. Full is
      // said (the person can make room), once, until a write succeeds again.
      pending = undefined;
      if (isQuotaExceeded(error) && !full) onFull((full = true));
    }
  }

  if (typeof window !== "undefined") {
    window.addEventListener("pagehide", () => flush());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") flush();
    });
  }

  return {
    getItem(name) {
      const text = getStorage().getItem(name);
      known = text;
      // Taken in later (the reader of saved chats may still be loading): till then, writing it would undo what was read.
      if (pending) pending = { ...pending, beforeRead: true };
      return text === null ? null : (JSON.parse(text) as StorageValue<T>);
    },
    setItem(name, value) {
      pending = { name, value };
      timer ??= setTimeout(flush, intervalMs);
    },
    removeItem(name) {
      pending = undefined;
      known = null;
      getStorage().removeItem(name);
    },
    /** Writes what is pending now: a rename or a deletion should reach other tabs before their next write. */
    flush,
    hasPending: () => pending !== undefined,
  };
}
