import type { Redis } from "ioredis";
import type { AnswerFollower, LogRead } from "@/lib/shared-state/answer-log";
import { logKey } from "@/lib/shared-state/redis-log-writer";

type StreamReply = Array<[key: string, entries: Array<[id: string, fields: string[]]>]> | null;

/** The entries of one XREAD reply as text; whether the end was among them; the last entry's id. */
function entriesOf(reply: StreamReply, from: string): LogRead & { last: string } {
  let text = "";
  let ended = false;
  let last = from;
  for (const [, entries] of reply ?? []) {
    for (const [id, fields] of entries) {
      last = id;
      if (fields[0] === "e") text += fields[1] ?? "";
      else if (fields[0] === "d") ended = true;
    }
  }
  return { text, ended, last };
}

export interface RedisFollowOptions {
  /** The connection for short commands (250 ms bound): the first read. */
  client: Redis;
  /** Makes a connection of the follower's own for its blocking reads; it is closed with the follower. */
  blockingConnection(): Redis;
  /** How long one blocking read waits before checking that the stream still exists. */
  blockMs: number;
  /** Tells the generating instance, wherever it is, that a follower came (1) or went (-1). */
  announce(change: 1 | -1): void;
}

/**
 * Follows an answer that another instance generates, from its Redis Stream:
 * one XREAD for everything after `after` (the replay), then XREAD BLOCK on a
 * connection of its own for the live events. A stream that disappears
 * (expired, or given up by its writer) ends the follow with an error, so the
 * client reconnects and is told 204. Undefined when there is nothing to follow.
 */
export async function followFromRedis(id: string, after: number, options: RedisFollowOptions): Promise<AnswerFollower | undefined> {
  const key = logKey(id);
  const from = `0-${after + 1}`;
  const [existing, replay] = (await options.client.multi().exists(key).xread("STREAMS", key, from).exec()) ?? [];
  if (existing?.[0] || replay?.[0]) throw existing?.[0] ?? replay?.[0];
  if (existing?.[1] !== 1) return undefined;
  const first = entriesOf(replay?.[1] as StreamReply, from);
  if (first.ended && first.text === "") return undefined;

  const live = !first.ended;
  if (live) options.announce(1);
  let position = first.last;
  let pending: LogRead | undefined = first;
  let blocking: Redis | undefined;
  let closed = false;
  let ended = first.ended;

  async function readLive(): Promise<LogRead> {
    blocking ??= options.blockingConnection();
    for (;;) {
      const reply = (await blocking.xread("BLOCK", options.blockMs, "STREAMS", key, position)) as StreamReply;
      if (reply) {
        const { text, ended, last } = entriesOf(reply, position);
        position = last;
        return { text, ended };
      }
      if ((await blocking.exists(key)) !== 1) throw new Error("the answer's stream is gone");
    }
  }

  return {
    async read(): Promise<LogRead> {
      const replayed = pending;
      pending = undefined;
      // An empty replay (nothing after `after` yet) is no read: wait for the live events.
      if (replayed && (replayed.text !== "" || replayed.ended)) return { text: replayed.text, ended: replayed.ended };
      if (closed || ended) return { text: "", ended: true };
      try {
        const read = await readLive();
        ended = read.ended;
        return read;
      } catch (error) {
        // Closing disconnects the blocking read: that is an end, not a failure.
        if (closed) return { text: "", ended: true };
        throw error;
      }
    },
    close(): void {
      if (closed) return;
      closed = true;
      blocking?.disconnect();
      if (live) options.announce(-1);
    },
  };
}
