import { ChatError } from "@/lib/server/chat-error";
import type { ServerConfig } from "@/lib/server/server-config";
import { memoryCounters, type SharedCounters } from "@/lib/shared-state/shared-counters";

/**
 * Decides whether an answer may start: at most `maxConcurrent` in flight on
 * this instance, at most `rateLimitPerMinute` requests a minute from one
 * client (fixed one-minute windows, counted across instances when Redis is
 * there; `0` turns the limit off).
 */
export class Admission {
  private inFlight = 0;

  constructor(
    private readonly config: Pick<ServerConfig, "maxConcurrent" | "rateLimitPerMinute">,
    private readonly requests: SharedCounters = memoryCounters(),
  ) {}
  /** Admits one answer for `clientKey`, or throws the protocol's 429 or 503. Call the result once it is over. */
  async admit(clientKey: string): Promise<() => void> {
    await this.countRequest(clientKey);
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

  private async countRequest(clientKey: string): Promise<void> {
    const limit = this.config.rateLimitPerMinute;
    if (limit === 0) return;
    const { count, retryAfterSeconds } = await this.requests.add(`rate:${clientKey}`);
    if (count > limit) {
      throw new ChatError("rate_limited", `Too many requests: at most ${limit} a minute. Try again in ${retryAfterSeconds} s.`, {
        retryable: true,
        retryAfterSeconds,
      });
    }
  }
}
