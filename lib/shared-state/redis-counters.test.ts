import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sleep, waitFor } from "@/lib/server/test-support";
import { RedisConnection } from "@/lib/shared-state/redis-connection";
import { redisCounters } from "@/lib/shared-state/redis-counters";
import { startTestRedis, type TestRedis } from "@/lib/shared-state/testing/redis-server";


describe("rate-limit counters on Redis", () => {
  let redis: TestRedis;
  const logsOfA: string[] = [];
  let instanceA: RedisConnection;
  let instanceB: RedisConnection;

  beforeAll(async () => {
    redis = await startTestRedis();
    instanceA = new RedisConnection(redis.url, (line) => logsOfA.push(line));
    instanceB = new RedisConnection(redis.url, () => undefined);
    await waitFor(() => instanceA.status === "up" && instanceB.status === "up", "both instances to connect", 3_000);
  });

  afterAll(async () => {
    await instanceA.close();
    await instanceB.close();
    await redis.stop();
  });

  test("two instances count one client together, atomically", async () => {
    const [a, b] = [redisCounters(instanceA), redisCounters(instanceB)];
    const counts = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 ? a : b).add("client-1")));
    expect(counts.map((count) => count.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect((await a.peek("client-1")).count).toBe(20);
    expect((await b.peek("client-2")).count).toBe(0);
    const { retryAfterSeconds } = await b.add("client-1");
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  test("a new instance's first count, made while its connection is still being made, counts in Redis", async () => {
    // As on Vercel, where an instance is started by its first request: the count comes before the connection.
    const fresh = new RedisConnection(redis.url, () => undefined);
    try {
      expect(fresh.status).toBe("down");
      expect((await redisCounters(fresh).add("first-on-a-new-instance")).count).toBe(1);
      expect((await redisCounters(instanceB).peek("first-on-a-new-instance")).count).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  test("an instance that starts while Redis is down counts in memory at once", async () => {
    const closed = await startTestRedis();
    await closed.kill();
    const starting = new RedisConnection(closed.url, () => undefined);
    try {
      const counters = redisCounters(starting);
      expect((await counters.add("started-while-down")).count).toBe(1);
      expect((await counters.add("started-while-down")).count).toBe(2);
    } finally {
      await starting.close();
      await closed.stop();
    }
  });

  test("Redis killed: counting goes on in memory at once, with one warning; Redis back: shared again by itself", async () => {
    const counters = redisCounters(instanceA);
    await redis.kill();
    const started = Date.now();
    for (let attempt = 1; attempt <= 5; attempt++) expect((await counters.add("while-down")).count).toBe(attempt);
    expect(Date.now() - started).toBeLessThan(1_000);
    await waitFor(() => instanceA.status === "down", "A to see Redis down", 2_000);
    // One line for the outage, however many commands and reconnections failed.
    await sleep(600);
    expect(logsOfA.filter((line) => line.includes('"redis.down"'))).toHaveLength(1);

    await redis.restart();
    await waitFor(() => instanceA.status === "up" && instanceB.status === "up", "both instances to connect", 10_000);
    expect((await counters.add("after-restart")).count).toBe(1);
    expect((await redisCounters(instanceB).peek("after-restart")).count).toBe(1);
    expect(logsOfA.filter((line) => line.includes('"redis.up"'))).toHaveLength(1);
  });

  test("a slow Redis is said once as slow, and an outage after it is still said", async () => {
    const logs: string[] = [];
    const connection = new RedisConnection(redis.url, (line) => logs.push(line));
    const pauser = new RedisConnection(redis.url, () => undefined);
    try {
      await waitFor(() => connection.status === "up" && pauser.status === "up", "both connections", 3_000);
      const counters = redisCounters(connection);
      // Redis holds every client's commands for a second: past the 250 ms a command may take.
      await pauser.client.call("CLIENT", "PAUSE", "1000", "ALL");
      expect((await counters.add("while-slow")).count).toBe(1);
      expect((await counters.add("while-slow")).count).toBe(2);
      expect(logs.filter((line) => line.includes('"redis.slow"'))).toHaveLength(1);
      expect(logs.filter((line) => line.includes('"redis.down"'))).toHaveLength(0);
      await sleep(1_100);
      await redis.kill();
      await waitFor(() => connection.status === "down", "the connection to see Redis down", 2_000);
      await waitFor(() => logs.some((line) => line.includes('"redis.down"')), "the redis.down line", 2_000);
      await redis.restart();
      await waitFor(() => logs.some((line) => line.includes('"redis.up"')), "the redis.up line", 10_000);
    } finally {
      await connection.close();
      await pauser.close();
    }
  });
});
