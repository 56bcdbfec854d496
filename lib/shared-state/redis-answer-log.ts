import type { Redis } from "ioredis";
import { defaultResumeTtlMs, type AnswerFollower, type AnswerLog, type AnswerLogWriter, type FollowerHooks } from "@/lib/shared-state/answer-log";
import { MemoryAnswerLog } from "@/lib/shared-state/memory-answer-log";
import { stateKey } from "@/lib/shared-state/redis-answer-cancels";
import { RedisChannels } from "@/lib/shared-state/redis-channels";
import { firstAttemptOf, type FirstAttempt, type RedisConnection } from "@/lib/shared-state/redis-connection";
import { followFromRedis } from "@/lib/shared-state/redis-log-follower";
import { redisLogWriter, withAppendScript, type AppendingRedis } from "@/lib/shared-state/redis-log-writer";

/** Followers coming and going, published by the instance they attach to, for the one that generates the answer. */
const followChannel = "streamchat:follow";

export interface RedisAnswerLogOptions {
  ttlMs?: number;
  /** A live answer's stream expires this long after its writer stopped renewing it (the writer died, or gave up). */
  liveTtlMs?: number;
  /** Per answer: characters sent to Redis and not yet acknowledged, beyond which the answer is resumable here only. */
  maxBacklogCharacters?: number;
  /** How long a follower's blocking read waits before checking that its stream still exists. */
  blockMs?: number;
  log?: (line: string) => void;
  /** This instance's subscribed connection, shared with cancels; its own when not given. */
  channels?: RedisChannels;
}

/**
 * Resumable answers across instances (protocol v1.1), on Redis Streams. The
 * generating instance keeps its own copy in memory (its followers read it
 * there, and it is what is left when Redis is unreachable or slow) and
 * appends a copy to Redis off the client's path. Another instance follows
 * from Redis; followers coming and going reach the generating instance by
 * pub/sub, for its grace period and its `resumes`.
 */
export class RedisAnswerLog implements AnswerLog {
  private readonly local: MemoryAnswerLog;
  /** Its own connection: no 250 ms bound on writes (a slow Redis fills a bounded backlog instead of failing them). */
  private readonly writer: AppendingRedis;
  private readonly writerFirstAttempt: FirstAttempt;
  private readonly channels: RedisChannels;
  private readonly hooksOf = new Map<string, FollowerHooks>();
  private readonly options: Required<Omit<RedisAnswerLogOptions, "log" | "channels">>;
  private readonly log: (line: string) => void;

  constructor(
    private readonly connection: RedisConnection,
    options: RedisAnswerLogOptions = {},
  ) {
    this.options = {
      ttlMs: options.ttlMs ?? defaultResumeTtlMs,
      liveTtlMs: options.liveTtlMs ?? 30_000,
      maxBacklogCharacters: options.maxBacklogCharacters ?? 1024 * 1024,
      blockMs: options.blockMs ?? 5_000,
    };
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.local = new MemoryAnswerLog(this.options.ttlMs);
    const wentDown = (error: unknown) => connection.wentDown(error);
    // Auto-pipelining: the appends of every answer made in one turn of the event loop leave in one
    // write to Redis (with hundreds of answers at once, one syscall and one reply parse per turn, not per answer).
    this.writer = withAppendScript(connection.client.duplicate({ commandTimeout: 10_000, enableAutoPipelining: true }));
    this.writerFirstAttempt = firstAttemptOf(this.writer);
    this.writer.on("error", wentDown);
    this.channels = options.channels ?? new RedisChannels(connection);
    this.channels.listen(followChannel, (message) => {
      const change = message[0] === "+" ? 1 : -1;
      this.hooksOf.get(message.slice(1))?.onFollowerChange(change);
    });
  }

  create(id: string, hooks: FollowerHooks): AnswerLogWriter {
    this.hooksOf.set(id, hooks);
    const local = this.local.create(id, hooks);
    // Redis not there now: this answer is resumable here only (a copy begun later would have a hole).
    const shared =
      this.writer.status === "ready"
        ? redisLogWriter(this.writer, id, {
            ...this.options,
            warn: (reason) => this.log(JSON.stringify({ event: "answer_log.local_only", id, reason, note: "this answer resumes on its own instance only" })),
            failed: (error) => this.connection.wentDown(error),
          })
        : undefined;
    return {
      append: (events) => {
        local.append(events);
        shared?.append(events);
      },
      end: () => {
        local.end();
        shared?.end();
        this.hooksOf.delete(id);
      },
    };
  }

  /** A new instance's first answers wait for the writer's first connection (250 ms at most): one created before it would resume here only. */
  connecting(): Promise<void> | undefined {
    return this.writer.status === "ready" ? undefined : this.writerFirstAttempt(250);
  }

  /**
   * Whether an answer created now is shared: its writer's connection and the
   * subscribed one (cancels, followers) are up. Each reconnects on its own
   * schedule, up to 2 s after the main connection once Redis is back.
   */
  get shared(): boolean {
    return this.writer.status === "ready" && this.channels.connected;
  }

  async follow(id: string, after: number): Promise<AnswerFollower | undefined> {
    if (this.local.has(id)) return this.local.followNow(id, after);
    // A new instance's first resume waits for its first connection (250 ms at most), not to answer 204.
    if (this.connection.status !== "up" && !(await this.connection.upOrFirstConnected(250))) return undefined;
    try {
      return await followFromRedis(id, after, {
        client: this.connection.client,
        blockingConnection: () => this.blockingConnection(),
        blockMs: this.options.blockMs,
        announce: (change) => this.announce(id, change),
        inFlight: async () => (await this.connection.client.get(stateKey(id))) === "live",
      });
    } catch (error) {
      // Redis failed or was too slow: this instance cannot see the answer (204; the client may try again).
      this.connection.wentDown(error);
      return undefined;
    }
  }

  async close(): Promise<void> {
    this.writer.disconnect();
    this.channels.close();
  }

  private announce(id: string, change: 1 | -1): void {
    void this.connection.client.publish(followChannel, `${change === 1 ? "+" : "-"}${id}`).catch((error: unknown) => this.connection.wentDown(error));
  }

  private blockingConnection(): Redis {
    const connection = this.connection.client.duplicate({
      enableOfflineQueue: true,
      commandTimeout: this.options.blockMs + 2_000,
      // One follow, one connection: if it breaks, the follow ends and its client reconnects.
      retryStrategy: () => null,
    });
    connection.on("error", (error: Error) => this.connection.wentDown(error));
    return connection;
  }
}
