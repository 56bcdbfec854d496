export const windowMs = 60_000;

/** Events in the current window, and the seconds until it ends. */
export interface WindowCount {
  count: number;
  retryAfterSeconds: number;
}

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Counts events per key in fixed one-minute windows (the protocol allows
 * fixed or sliding ones). Memory stays bounded: ended windows are forgotten
 * once many keys are held.
 */
export class FixedWindowCounter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Adds one event for `key`; returns how many it now has in this window and the seconds until the window ends. */
  add(key: string): WindowCount {
    const window = this.current(key, true);
    window.count += 1;
    return { count: window.count, retryAfterSeconds: this.secondsLeft(window) };
  }

  /** How many events `key` has in this window, without adding one. */
  peek(key: string): WindowCount {
    const window = this.current(key, false);
    return { count: window.count, retryAfterSeconds: this.secondsLeft(window) };
  }

  private current(key: string, create: boolean): Window {
    const now = this.now();
    const window = this.windows.get(key);
    if (window && now - window.startedAt < windowMs) return window;
    const fresh = { startedAt: now, count: 0 };
    if (!create) return fresh;
    if (this.windows.size > 10_000) this.forgetEndedWindows(now);
    this.windows.set(key, fresh);
    return fresh;
  }

  private secondsLeft(window: Window): number {
    return Math.max(1, Math.ceil((window.startedAt + windowMs - this.now()) / 1000));
  }

  private forgetEndedWindows(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= windowMs) this.windows.delete(key);
    }
  }
}
