import { MemoryAnswerCancels, type AnswerCancels } from "@/lib/shared-state/answer-cancels";
import { defaultResumeTtlMs, type AnswerLog } from "@/lib/shared-state/answer-log";
import { MemoryAnswerLog } from "@/lib/shared-state/memory-answer-log";
import { RedisAnswerCancels } from "@/lib/shared-state/redis-answer-cancels";
import { RedisAnswerLog } from "@/lib/shared-state/redis-answer-log";
import { RedisConnection, type RedisStatus } from "@/lib/shared-state/redis-connection";
import { redisCounters } from "@/lib/shared-state/redis-counters";
import { memoryCounters, type SharedCounters } from "@/lib/shared-state/shared-counters";

/** What the instances of one deployment share (protocol v1.1, "Many instances"). */
export interface SharedState {
  counters: SharedCounters;
  cancels: AnswerCancels;
  /** The events of resumable answers. */
  answers: AnswerLog;
  redisStatus(): RedisStatus;
}

/** Memory (one instance) without REDIS_URL, Redis with it; chosen here and nowhere else. */
export function sharedStateFrom(
  environment: Record<string, string | undefined>,
  { resumeTtlMs = defaultResumeTtlMs }: { resumeTtlMs?: number } = {},
): SharedState {
  const url = environment.REDIS_URL?.trim();
  if (!url) {
    return { counters: memoryCounters(), cancels: new MemoryAnswerCancels(), answers: new MemoryAnswerLog(resumeTtlMs), redisStatus: () => "off" };
  }
  const connection = new RedisConnection(url);
  return {
    counters: redisCounters(connection),
    cancels: new RedisAnswerCancels(connection),
    answers: new RedisAnswerLog(connection, { ttlMs: resumeTtlMs }),
    redisStatus: () => connection.status,
  };
}
