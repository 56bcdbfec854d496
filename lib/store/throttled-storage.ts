import type { PersistStorage, StorageValue } from "zustand/middleware";

/**
 * A `persist` storage over Web Storage that writes at most once per
 * `intervalMs`. While an answer streams the state changes every frame, and
 * serialising the whole conversation each time would cost its full length per
 * frame. The latest state is written at the end of each interval, and at once
 * when the page is hidden or unloaded, so a reload loses nothing.
 */
export function createThrottledStorage<T>(getStorage: () => Storage, intervalMs = 1_000): PersistStorage<T> & { flush(): void } {
  let pending: { name: string; value: StorageValue<T> } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return;
    const { name, value } = pending;
    pending = undefined;
    try {
      getStorage().setItem(name, JSON.stringify(value));
    } catch {
      // Storage full or disabled (private mode): the chat goes on, unsaved.
    }
  }

  if (typeof window !== "undefined") {
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") flush();
    });
  }

  return {
    getItem(name) {
      const text = getStorage().getItem(name);
      return text === null ? null : (JSON.parse(text) as StorageValue<T>);
    },
    setItem(name, value) {
      pending = { name, value };
      timer ??= setTimeout(flush, intervalMs);
    },
    removeItem(name) {
      pending = undefined;
      getStorage().removeItem(name);
    },
    flush,
  };
}
