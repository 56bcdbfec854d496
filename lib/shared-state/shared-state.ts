import { MemoryAnswerCancels, type AnswerCancels } from "@/lib/shared-state/answer-cancels";
import { defaultResumeTtlMs, type AnswerLog } from "@/lib/shared-state/answer-log";
import { MemoryAnswerLog } from "@/lib/shared-state/memory-answer-log";
import { RedisAnswerCancels } from "@/lib/shared-state/redis-answer-cancels";
import { RedisAnswerLog } from "@/lib/shared-state/redis-answer-log";
import { RedisChannels } from "@/lib/shared-state/redis-channels";
import { RedisConnection, type RedisStatus } from "@/lib/shared-state/redis-connection";
import { redisCounters } from "@/lib/shared-state/redis-counters";
import { memoryCounters, type SharedCounters } from "@/lib/shared-state/shared-counters";

/** What the instances of one deployment share (protocol v1.1, "Many instances"). */
export interface SharedState {
  counters: SharedCounters;
  cancels: AnswerCancels;
  /** The events of resumable answers. */
  answers: AnswerLog;
  /** Waits up to a second for a connection still being made (a new instance's first request), so that it is not reported down. */
  redisStatus(): Promise<RedisStatus>;
}

/**
 * "up" says that what this instance starts now is shared: not only its main
 * connection is up, but those that share answers too (after an outage, each
 * comes back on its own schedule, up to 2 s after the main one). A new
 * instance waits for its first connections, as its first requests do.
 */
export async function redisStatusOf(connection: RedisConnection, answers: RedisAnswerLog): Promise<RedisStatus> {
  if (!(await connection.ready())) return "down";
  await answers.connecting();
  return answers.shared ? "up" : "down";
}

/** Memory (one instance) without REDIS_URL, Redis with it; chosen here and nowhere else. */
export function sharedStateFrom(
  environment: Record<string, string | undefined>,
  { resumeTtlMs = defaultResumeTtlMs }: { resumeTtlMs?: number } = {},
): SharedState {
  const url = environment.REDIS_URL?.trim();
  if (!url) {
    return { counters: memoryCounters(), cancels: new MemoryAnswerCancels(), answers: new MemoryAnswerLog(resumeTtlMs), redisStatus: async () => "off" };
  }
  const connection = new RedisConnection(url);
  const channels = new RedisChannels(connection);
  const answers = new RedisAnswerLog(connection, { ttlMs: resumeTtlMs, channels });
  return {
    counters: redisCounters(connection),
    cancels: new RedisAnswerCancels(connection, channels),
    answers,
    redisStatus: () => redisStatusOf(connection, answers),
  };
}
