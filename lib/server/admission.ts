import { ChatError } from "@/lib/server/chat-error";
import type { ServerConfig } from "@/lib/server/server-config";

const windowMs = 60_000;

interface Window {
  startedAt: number;
  count: number;
}

/**
 * Decides whether an answer may start: at most `maxConcurrent` in flight on
 * this instance, at most `rateLimitPerMinute` requests a minute from one
 * client (fixed one-minute windows; `0` turns the limit off).
 */
export class Admission {
  private inFlight = 0;
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly config: Pick<ServerConfig, "maxConcurrent" | "rateLimitPerMinute">,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admits one answer for `clientKey`, or throws the protocol's 429 or 503. Call the result once it is over. */
  admit(clientKey: string): () => void {
    this.countRequest(clientKey);
    if (this.inFlight >= this.config.maxConcurrent) {
      throw new ChatError("overloaded", "This server is answering as many requests as it can. Try again in a few seconds.", {
        retryable: true,
        retryAfterSeconds: 5,
      });
    }
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
    };
  }

  private countRequest(clientKey: string): void {
    const limit = this.config.rateLimitPerMinute;
    if (limit === 0) return;
    const now = this.now();
    let window = this.windows.get(clientKey);
    if (!window || now - window.startedAt >= windowMs) {
      if (this.windows.size > 10_000) this.forgetEndedWindows(now);
      window = { startedAt: now, count: 0 };
      this.windows.set(clientKey, window);
    }
    window.count += 1;
    if (window.count > limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
      throw new ChatError("rate_limited", `Too many requests: at most ${limit} a minute. Try again in ${retryAfterSeconds} s.`, {
        retryable: true,
        retryAfterSeconds,
      });
    }
  }

  private forgetEndedWindows(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= windowMs) this.windows.delete(key);
    }
  }
}
