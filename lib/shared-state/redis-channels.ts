import type { Redis } from "ioredis";
import type { RedisConnection } from "@/lib/shared-state/redis-connection";

/**
 * This instance's one subscribed connection (a subscribed connection can do
 * nothing else), shared by everything that listens for messages from other
 * instances: cancels, followers coming and going. One connection fewer per
 * instance for each listener counts on Redis plans with few connections.
 */
export class RedisChannels {
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, (message: string) => void>();

  constructor(private readonly connection: RedisConnection) {
    // Its SUBSCRIBE may wait for the connection (an offline queue here only),
    // and ioredis subscribes again after every reconnection. It waits however
    // many attempts it takes (maxRetriesPerRequest null): with the main
    // client's 0, ioredis drops the queued SUBSCRIBE at the first failed
    // attempt, and an instance that started while Redis was down would never
    // hear a cancel or a follower from another instance.
    this.subscriber = connection.client.duplicate({ enableOfflineQueue: true, commandTimeout: undefined, maxRetriesPerRequest: null });
    this.subscriber.on("error", (error: Error) => connection.wentDown(error));
    this.subscriber.on("message", (channel: string, message: string) => this.handlers.get(channel)?.(message));
  }

  /** Whether messages from other instances reach this one now. */
  get connected(): boolean {
    return this.subscriber.status === "ready";
  }

  /** Calls `handler` with each message published on `channel` (one handler a channel). */
  listen(channel: string, handler: (message: string) => void): void {
    this.handlers.set(channel, handler);
    void this.subscriber.subscribe(channel).catch((error: unknown) => this.connection.wentDown(error));
  }

  close(): void {
    this.subscriber.disconnect();
  }
}
