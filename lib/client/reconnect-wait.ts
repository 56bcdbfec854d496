/** Whether the browser thinks it is online, and word when that changes (the `online` / `offline` events). */
export interface Connectivity {
  isOnline(): boolean;
  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/** The browser's `navigator.onLine` and its events; always online where there is no window (tests, the server). */
export const browserConnectivity: Connectivity = {
  isOnline: () => typeof navigator === "undefined" || navigator.onLine !== false,
  subscribe(listener) {
    if (typeof window === "undefined") return () => undefined;
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  },
};

/** Waits before reconnect attempt `attempt` (0 first): 0.5, 1, 2, 4 s, then 8 s each time. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(500 * 2 ** attempt, 8_000);
}

/**
 * Waits `ms`, or less: it resolves at once when the browser comes back online
 * (a reconnect then has its best chance), and rejects with the signal's reason
 * when aborted (Stop while reconnecting).
 */
export function waitToReconnect(ms: number, signal: AbortSignal | undefined, connectivity: Connectivity): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      unsubscribe();
      signal?.removeEventListener("abort", aborted);
      settle();
    };
    const aborted = () => finish(() => reject(signal?.reason));
    const timer = setTimeout(() => finish(resolve), ms);
    const unsubscribe = connectivity.subscribe((online) => {
      if (online) finish(resolve);
    });
    signal?.addEventListener("abort", aborted, { once: true });
  });
}
