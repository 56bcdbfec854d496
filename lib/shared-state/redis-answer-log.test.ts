import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newAnswerId } from "@/lib/server/answer-id";
import { sleep, waitFor } from "@/lib/server/test-support";
import { stateKey } from "@/lib/shared-state/redis-answer-cancels";
import { RedisAnswerLog } from "@/lib/shared-state/redis-answer-log";
import { RedisConnection } from "@/lib/shared-state/redis-connection";
import { describeAnswerLogContract, loggedDelta, readAll } from "@/lib/shared-state/testing/answer-log-contract";
import { startTestRedis, type TestRedis } from "@/lib/shared-state/testing/redis-server";

const ttlMs = 400;
let redis: TestRedis;
const connections: RedisConnection[] = [];
const logs: RedisAnswerLog[] = [];
const warnings: string[] = [];

/** One instance: its own connection to Redis and its own answer log. */
function instance(options: ConstructorParameters<typeof RedisAnswerLog>[1] = {}): { connection: RedisConnection; log: RedisAnswerLog } {
  const connection = new RedisConnection(redis.url, (line) => warnings.push(line));
  const log = new RedisAnswerLog(connection, { ttlMs, log: (line) => warnings.push(line), ...options });
  connections.push(connection);
  logs.push(log);
  return { connection, log };
}

let instanceA: RedisAnswerLog;
let instanceB: RedisAnswerLog;

beforeAll(async () => {
  redis = await startTestRedis();
  instanceA = instance().log;
  instanceB = instance().log;
  await waitFor(() => connections.every((connection) => connection.status === "up"), "both instances to connect", 3_000);
  // Each instance's subscriber and writer connections too.
  await sleep(200);
});

afterAll(async () => {
  for (const log of logs) await log.close();
  for (const connection of connections) await connection.close();
  await redis.stop();
});

// Generated on A, followed from B: everything goes through Redis.
describeAnswerLogContract("Redis, across two instances", () => ({ writer: instanceA, reader: instanceB, settle: () => sleep(100), ttlMs }));

describe("Redis answer log", () => {
  test("the generating instance's followers read its own copy, and count as resumes like the others", async () => {
    const id = newAnswerId();
    const changes: number[] = [];
    const writer = instanceA.create(id, { onFollowerChange: (change) => changes.push(change) });
    writer.append([loggedDelta(0, "here")]);
    const here = await instanceA.follow(id, -1);
    writer.append([loggedDelta(1, " and now")]);
    writer.end();
    expect(await readAll(here!)).toEqual({ text: loggedDelta(0, "here").text + loggedDelta(1, " and now").text, ended: true });
    here?.close();
    expect(changes).toEqual([1, -1]);
  });

  test("a resume sent before the answer's stream reaches Redis waits for it while the answer is known in flight; an unknown one gets nothing at once", async () => {
    const id = newAnswerId();
    const redisOfB = connections[1]!.client;
    // As the chat route does before `start`: the answer is known in flight. Its events reach Redis only later.
    await redisOfB.set(stateKey(id), "live", "EX", 60);
    const following = instanceB.follow(id, -1);
    await sleep(300);
    const writer = instanceA.create(id, { onFollowerChange: () => undefined });
    writer.append([loggedDelta(0, "late")]);
    writer.end();
    const follower = await following;
    expect(follower).toBeDefined();
    expect(await readAll(follower!)).toEqual({ text: loggedDelta(0, "late").text, ended: true });
    follower?.close();

    const startedAt = performance.now();
    expect(await instanceB.follow(newAnswerId(), -1)).toBeUndefined();
    expect(performance.now() - startedAt).toBeLessThan(500);
  });

  test("a new instance's first resume, sent while its connection is still being made, finds the answer", async () => {
    const id = newAnswerId();
    const writer = instanceA.create(id, { onFollowerChange: () => undefined });
    writer.append([loggedDelta(0, "made on A")]);
    writer.end();
    await sleep(100);
    // As on Vercel, where an instance is started by its first request: the resume comes before the connection.
    const fresh = instance();
    expect(fresh.connection.status).toBe("down");
    const follower = await fresh.log.follow(id, -1);
    expect(follower).toBeDefined();
    expect(await readAll(follower!)).toEqual({ text: loggedDelta(0, "made on A").text, ended: true });
    follower?.close();
  });

  test("a new instance's first answer, created once its log has its connection, is followed from another instance", async () => {
    const fresh = instance();
    const connecting = fresh.log.connecting();
    expect(connecting).toBeDefined();
    await connecting;
    expect(fresh.log.connecting()).toBeUndefined();
    const id = newAnswerId();
    const writer = fresh.log.create(id, { onFollowerChange: () => undefined });
    writer.append([loggedDelta(0, "made on a new instance")]);
    writer.end();
    await sleep(100);
    const follower = await instanceB.follow(id, -1);
    expect(follower).toBeDefined();
    expect(await readAll(follower!)).toEqual({ text: loggedDelta(0, "made on a new instance").text, ended: true });
    follower?.close();
  });

  test("replays 2,000 events from any position in order, then the live ones", async () => {
    const id = newAnswerId();
    const writer = instanceA.create(id, { onFollowerChange: () => undefined });
    const events = Array.from({ length: 2_000 }, (_, index) => loggedDelta(index, `token ${index} `));
    for (let index = 0; index < events.length; index += 7) writer.append(events.slice(index, index + 7));
    await sleep(200);
    const follower = await instanceB.follow(id, 1_233);
    const first = await follower?.read();
    expect(first?.text).toBe(events.slice(1_234).map((event) => event.text).join(""));
    writer.append([loggedDelta(2_000, "live")]);
    writer.end();
    expect(await readAll(follower!)).toEqual({ text: loggedDelta(2_000, "live").text, ended: true });
    follower?.close();
  });

  test("a follower that leaves frees its connection to Redis", async () => {
    const id = newAnswerId();
    const writer = instanceA.create(id, { onFollowerChange: () => undefined });
    writer.append([loggedDelta(0, "x")]);
    await sleep(100);
    const clients = async () => String(await connections[0]?.client.client("LIST")).trim().split("\n").length;
    const before = await clients();
    const followers = await Promise.all(Array.from({ length: 5 }, () => instanceB.follow(id, 0)));
    const reads = followers.map((follower) => follower?.read());
    await expect.poll(clients, { timeout: 2_000 }).toBe(before + 5);
    for (const follower of followers) follower?.close();
    expect(await Promise.all(reads)).toEqual(followers.map(() => ({ text: "", ended: true })));
    await expect.poll(clients, { timeout: 2_000 }).toBe(before);
    writer.end();
  });
});
