import { Redis } from "ioredis";

/** How Redis is doing, for `GET /api/health`. */
export type RedisStatus = "off" | "up" | "down";

/**
 * One connection to Redis for this process, with bounds on every wait: about
 * 1 s to connect, 250 ms for a command on a request's path, no queue of
 * commands while disconnected (they fail at once, and the caller falls back
 * to this instance's memory), and reconnection forever in the background, so
 * the app recovers by itself when Redis comes back.
 */
export class RedisConnection {
  readonly client: Redis;
  private warnedDown = false;

  constructor(url: string, private readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
    this.client = new Redis(url, {
      connectTimeout: 1_000,
      commandTimeout: 250,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: (attempt) => Math.min(attempt * 250, 2_000),
      // Redis 6+ as the protocol says; no client name or info lookups on the path.
      enableReadyCheck: true,
    });
    this.client.on("ready", () => {
      if (this.warnedDown) this.log(JSON.stringify({ event: "redis.up", note: "shared limits and resumable answers work across instances again" }));
      this.warnedDown = false;
    });
    // ioredis reports each failed attempt here; one warning line per outage is enough.
    this.client.on("error", (error: Error) => this.wentDown(error));
  }

  get status(): RedisStatus {
    return this.client.status === "ready" ? "up" : "down";
  }

  /**
   * Resolves true once connected (at once if it is), false after
   * `timeoutMs`, or at once when Redis is known to be down: for work that
   * should not fail just because this instance's first connection is still
   * being made (a new instance's first request).
   */
  async ready(timeoutMs = 1_000): Promise<boolean> {
    if (this.client.status === "ready") return true;
    if (this.client.status !== "connecting" && this.client.status !== "connect") return false;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.client.off("ready", onReady);
        resolve(false);
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.client.once("ready", onReady);
    });
  }

  /** Notes that Redis failed (once per outage, on standard error), for callers that fall back. */
  wentDown(error: unknown): void {
    if (this.warnedDown) return;
    this.warnedDown = true;
    // The error's code (ECONNREFUSED, ETIMEDOUT) or name; never its message, which can carry the URL.
    const code = (error as { code?: unknown } | undefined)?.code;
    const reason = typeof code === "string" ? code : error instanceof Error ? error.name : "unknown";
    this.log(JSON.stringify({ event: "redis.down", reason, note: "counting limits on this instance until Redis is back" }));
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
