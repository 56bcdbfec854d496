import type { Redis } from "ioredis";
import type { AnswerLogWriter, LoggedEvent } from "@/lib/shared-state/answer-log";

/*
 * An answer's events in a Redis Stream, `streamchat:log:{id}`: event n is
 * the entry `0-(n+1)` with the field `e` (its exact SSE text); the end is one
 * more entry with the field `d`. Explicit ids make "the events after n" one
 * XREAD from `0-(n+1)`, on any instance.
 *
 * Each batch of events goes in one call of this script, and the next batch
 * only once it is acknowledged: a batch after the first finds the stream
 * there, or appends nothing (Redis restarted empty, or the stream expired), so
 * a stream in Redis never has a hole that later events would hide; the copy
 * is given up instead. An entry id not above the last is refused by XADD
 * itself. The expiry is set with the first batch (a writer that dies leaves
 * nothing forever), renewed by a timer while live, and set to the TTL at the end.
 */
export const appendScript = `
if tonumber(ARGV[1]) > 0 and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
for index = 3, #ARGV, 3 do redis.call('XADD', KEYS[1], ARGV[index], ARGV[index + 1], ARGV[index + 2]) end
if tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1
`;

export type AppendingRedis = Redis & {
  appendAnswerEvents(key: string, expectedLast: number, keepMs: number, ...entries: string[]): Promise<number>;
};

/** Adds the append script to a connection (sent once, then called by its SHA). */
export function withAppendScript(client: Redis): AppendingRedis {
  client.defineCommand("appendAnswerEvents", { numberOfKeys: 1, lua: appendScript });
  return client as AppendingRedis;
}

export const logKey = (id: string) => `streamchat:log:${id}`;

export interface RedisLogWriterOptions {
  /** How long an ended answer stays. */
  ttlMs: number;
  /** How long a live answer's stream outlives its writer's last sign of life (the writer renews it a third as often). */
  liveTtlMs: number;
  /** Characters written but not yet acknowledged, beyond which the copy is given up. */
  maxBacklogCharacters: number;
  /** One line when this answer's copy is given up because Redis is too slow or out of step. */
  warn(reason: string): void;
  /** Redis failed (the connection's one warning per outage says so). */
  failed(error: unknown): void;
}

/**
 * The Redis copy of one answer, written off the client's path: `append`
 * returns at once. One script call is in flight at a time; what comes
 * meanwhile leaves together when it is acknowledged (one call per upstream
 * read while Redis keeps up, fewer and larger ones when it does not). Past
 * `maxBacklogCharacters` not yet acknowledged, or on any failure, the copy is
 * given up (the answer stays resumable on this instance only) with one
 * warning, and its stream is deleted so that no instance follows a stream
 * that will never end.
 */
export function redisLogWriter(client: AppendingRedis, id: string, options: RedisLogWriterOptions): AnswerLogWriter {
  const key = logKey(id);
  let lastSequence = 0;
  /** Entries (id, field, value, ...) waiting for the call in flight, and their characters. */
  let waiting: string[] = [];
  let backlog = 0;
  let inFlight = false;
  let givenUp = false;
  let ended = false;
  const renewal = setInterval(() => {
    void client.pexpire(key, options.liveTtlMs).catch((error: unknown) => giveUp(error));
  }, options.liveTtlMs / 3);
  renewal.unref();

  /** `reason`: why in words, or Redis's error. */
  function giveUp(reason: unknown): void {
    clearInterval(renewal);
    if (givenUp) return;
    givenUp = true;
    waiting = [];
    if (typeof reason === "string") options.warn(reason);
    else options.failed(reason);
    void client.del(key).catch(() => undefined);
  }

  function send(): void {
    if (givenUp || inFlight || waiting.length === 0) return;
    const entries = waiting;
    const characters = backlog;
    waiting = [];
    inFlight = true;
    const expected = lastSequence;
    lastSequence += entries.length / 3;
    // The end is the last entry: from then on the answer is kept for its TTL, not while it is live.
    const keepMs = entries[entries.length - 2] === "d" ? options.ttlMs : expected === 0 ? options.liveTtlMs : 0;
    client.appendAnswerEvents(key, expected, keepMs, ...entries).then(
      (appended) => {
        inFlight = false;
        backlog -= characters;
        if (appended !== 1) return giveUp("out of step");
        send();
      },
      (error: unknown) => {
        inFlight = false;
        giveUp(error);
      },
    );
  }

  function enqueue(entries: string[], characters: number): void {
    if (givenUp) return;
    if (backlog + characters > options.maxBacklogCharacters) return giveUp("backlog");
    backlog += characters;
    waiting.push(...entries);
    send();
  }

  return {
    append(events: readonly LoggedEvent[]): void {
      if (ended || events.length === 0) return;
      const entries: string[] = [];
      let characters = 0;
      for (const event of events) {
        entries.push(`0-${event.id + 1}`, "e", event.text);
        characters += event.text.length;
      }
      enqueue(entries, characters);
    },
    end(): void {
      if (ended) return;
      ended = true;
      clearInterval(renewal);
      enqueue([`0-${lastSequence + waiting.length / 3 + 1}`, "d", ""], 0);
    },
  };
}
