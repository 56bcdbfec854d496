import type { Redis } from "ioredis";

/**
 * ioredis is loaded when the first connection is made, so an instance
 * without REDIS_URL never loads it: about 19 MB of RSS in a bare Node process
 * (its code and its dependencies'), which an instance holding 1,000 streams
 * in memory wants for them. A `require` in a function, not a dynamic
 * `import()`: the connection is made synchronously, and the bundler still
 * sees the package (Next's file tracing copies it into a standalone build).
 */
function loadRedisClient(): typeof Redis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when Redis is configured (see above)
  return (require("ioredis") as typeof import("ioredis")).Redis;
}

/** Given a bound in ms: a promise that settles within it, or undefined when there is nothing to wait for. */
export type FirstAttempt = (timeoutMs: number) => Promise<void> | undefined;

/**
 * Waits on `client`'s first attempt to connect: a promise that settles once
 * it is over (made or failed) or after the bound; undefined once it is over.
 * What a new instance's first requests wait for, so that they do not take a
 * connection still being made for Redis being down.
 */
export function firstAttemptOf(client: Redis): FirstAttempt {
  if (client.status === "ready") return () => undefined;
  let over = false;
  const settled = new Promise<void>((resolve) => {
    const end = () => {
      over = true;
      client.off("ready", end);
      client.off("error", end);
      resolve();
    };
    client.on("ready", end);
    client.on("error", end);
  });
  return (timeoutMs) => {
    if (over) return undefined;
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([settled, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]).finally(() => clearTimeout(timer));
  };
}

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
  private readonly firstAttempt: FirstAttempt;
  private warnedDown = false;
  private lastSlowWarningAt = Number.NEGATIVE_INFINITY;

  constructor(url: string, private readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {
    this.client = new (loadRedisClient())(url, {
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
    this.firstAttempt = firstAttemptOf(this.client);
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

  /**
   * Whether Redis is up; while this connection's first attempt is still
   * under way (a new instance's first requests), once it is over or after
   * `timeoutMs`. Otherwise at once: an outage makes no request wait.
   */
  async upOrFirstConnected(timeoutMs: number): Promise<boolean> {
    if (this.client.status === "ready") return true;
    const pending = this.firstAttempt(timeoutMs);
    if (!pending) return false;
    await pending;
    return this.status === "up";
  }

  /**
   * Notes that a Redis command failed, for callers that fall back: one line
   * on standard error per outage. A command that timed out on a connection
   * still up is a slow Redis, not an outage: no `ready` would follow to end
   * it (and later outages would go unsaid), so it is said as `redis.slow`, at
   * most once a minute.
   */
  wentDown(error: unknown): void {
    // The error's code (ECONNREFUSED, ETIMEDOUT) or name; never its message, which can carry the URL.
    const code = (error as { code?: unknown } | undefined)?.code;
    const reason = typeof code === "string" ? code : error instanceof Error ? error.name : "unknown";
    if (this.client.status === "ready") {
      const now = performance.now();
      if (now - this.lastSlowWarningAt < 60_000) return;
      this.lastSlowWarningAt = now;
      this.log(JSON.stringify({ event: "redis.slow", reason, note: "a command took too long; this request fell back to this instance" }));
      return;
    }
    if (this.warnedDown) return;
    this.warnedDown = true;
    this.log(JSON.stringify({ event: "redis.down", reason, note: "counting limits on this instance until Redis is back" }));
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
