import { windowMs } from "@/lib/server/fixed-window-counter";
import type { RedisConnection } from "@/lib/shared-state/redis-connection";
import { memoryCounters, type SharedCounters, type WindowCount } from "@/lib/shared-state/shared-counters";

// INCR and the window's expiry in one atomic step: no read-then-write race
// between instances, and a key never outlives its window.
const addScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

function windowCount([count, millisecondsLeft]: [number, number]): WindowCount {
  return { count, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(millisecondsLeft, 0) / 1000)) };
}

/** How long a count waits for a new instance's first connection to Redis: the bound on a command. */
const firstConnectionWaitMs = 250;

/**
 * Counters in Redis, shared by every instance, in fixed one-minute windows.
 * While a new instance's connection is first being made, a count waits for
 * it (up to 250 ms): on Vercel an instance starts with its first request,
 * which would otherwise always count alone. When Redis is down or slower
 * than its command timeout, this instance counts in memory instead (the
 * protocol: limits per instance, one warning, no 500 and no hang), and uses
 * Redis again once it is back.
 */
export function redisCounters(connection: RedisConnection, prefix = "streamchat:count:"): SharedCounters {
  const fallback = memoryCounters();
  const { client } = connection;

  async function run(command: () => Promise<unknown>, fallBack: () => Promise<WindowCount>): Promise<WindowCount> {
    if (connection.status !== "up" && !(await connection.upOrFirstConnected(firstConnectionWaitMs))) return fallBack();
    try {
      return windowCount((await command()) as [number, number]);
    } catch (error) {
      connection.wentDown(error);
      return fallBack();
    }
  }

  return {
    add: (key) => run(() => client.eval(addScript, 1, `${prefix}${key}`, windowMs), () => fallback.add(key)),
    peek: (key) =>
      run(
        async () => {
          const [count, millisecondsLeft] = (await client.multi().get(`${prefix}${key}`).pttl(`${prefix}${key}`).exec()) ?? [];
          return [Number(count?.[1] ?? 0), Number(millisecondsLeft?.[1] ?? windowMs)];
        },
        () => fallback.peek(key),
      ),
  };
}
