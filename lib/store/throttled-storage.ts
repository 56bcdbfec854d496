import type { PersistStorage, StorageValue } from "zustand/middleware";

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
 * even when the page is being hidden.
 */
export function createThrottledStorage<T>(
  getStorage: () => Storage,
  takeInOtherWrite: (previousText: string | null) => void,
  intervalMs = 1_000,
): PersistStorage<T> & { flush(): void; hasPending(): boolean } {
  let pending: { name: string; value: StorageValue<T> } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The text this tab last read or wrote; what another tab wrote since differs from it. */
  let known: string | null | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
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
      known = JSON.stringify(value);
      storage.setItem(name, known);
    } catch {
      // Storage full or disabled (private mode): the chat goes on, unsaved.
      pending = undefined;
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
