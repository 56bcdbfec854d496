import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { newAnswerId } from "@/lib/server/answer-id";
import { sleep, waitFor } from "@/lib/server/test-support";
import type { AnswerFollower } from "@/lib/shared-state/answer-log";
import { RedisAnswerLog } from "@/lib/shared-state/redis-answer-log";
import { RedisConnection } from "@/lib/shared-state/redis-connection";
import { redisStatusOf } from "@/lib/shared-state/shared-state";
import { loggedDelta, readAll } from "@/lib/shared-state/testing/answer-log-contract";
import { startTestRedis, type TestRedis } from "@/lib/shared-state/testing/redis-server";

/*
 * Redis failing under resumable answers (protocol v1.1, "Many instances"):
 * the generating instance goes on from its own memory, another instance
 * answers "nothing to follow" (the route's 204) at once, nothing throws or
 * hangs, and when Redis is back new answers are shared again by themselves.
 */

let redis: TestRedis;
const lines: string[] = [];
let opened: Array<{ connection: RedisConnection; log: RedisAnswerLog }> = [];

function instance(options: ConstructorParameters<typeof RedisAnswerLog>[1] = {}) {
  const connection = new RedisConnection(redis.url, (line) => lines.push(line));
  const log = new RedisAnswerLog(connection, { log: (line) => lines.push(line), ...options });
  opened.push({ connection, log });
  return { connection, log };
}

async function connected(...instances: Array<{ connection: RedisConnection }>): Promise<void> {
  await waitFor(() => instances.every(({ connection }) => connection.status === "up"), "Redis to be up for every instance", 10_000);
  // Their writer and subscriber connections come up beside the main one.
  await sleep(300);
}

const events = (from: number, count: number, size = 10) =>
  Array.from({ length: count }, (_, index) => loggedDelta(from + index, `${from + index}`.padEnd(size, ".")));
const textOf = (logged: ReturnType<typeof events>) => logged.map((event) => event.text).join("");

type Instance = ReturnType<typeof instance>;

/** Starts an answer on `a` with `count` events, and gives Redis a moment to hold them. */
async function answerOn(a: Instance, count: number) {
  const id = newAnswerId();
  const writer = a.log.create(id, { onFollowerChange: () => undefined });
  writer.append(events(0, count));
  await sleep(100);
  return { id, writer };
}

/** A whole new answer on `a` can be followed from `b`: shared through Redis. */
async function expectShared(a: Instance, b: Instance): Promise<void> {
  const { id, writer } = await answerOn(a, 2);
  writer.end();
  await sleep(100);
  expect(await readAll((await b.log.follow(id, -1)) as AnswerFollower)).toEqual({ text: textOf(events(0, 2)), ended: true });
}

beforeAll(async () => {
  redis = await startTestRedis();
});

afterEach(async () => {
  for (const { connection, log } of opened) {
    await log.close();
    await connection.close();
  }
  opened = [];
  lines.length = 0;
});

afterAll(async () => {
  await redis.stop();
});

describe("Redis faults under resumable answers", () => {
  test("not running at start: answers resume on their own instance only, other instances say nothing to follow; Redis up: shared again", async () => {
    await redis.kill();
    const [a, b] = [instance(), instance()];
    const id = newAnswerId();
    const writer = a.log.create(id, { onFollowerChange: () => undefined });
    writer.append(events(0, 3));
    const started = performance.now();
    expect(await b.log.follow(id, -1)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
    const here = await a.log.follow(id, 0);
    writer.append(events(3, 2));
    writer.end();
    expect(await readAll(here as AnswerFollower)).toEqual({ text: textOf(events(1, 4)), ended: true });
    here?.close();

    await redis.restart();
    await connected(a, b);
    await expectShared(a, b);
    expect(lines.filter((line) => line.includes('"redis.down"')).length).toBeLessThanOrEqual(2);
  });

  test("killed mid-answer: the writer goes on in memory without a throw, a follower elsewhere ends (its client reconnects), and then nothing to follow there", async () => {
    const [a, b] = [instance(), instance()];
    await connected(a, b);
    const { id, writer } = await answerOn(a, 3);
    const elsewhere = (await b.log.follow(id, -1)) as AnswerFollower;
    expect((await elsewhere.read()).text).toBe(textOf(events(0, 3)));
    // Handled before the kill: it may reject while the kill is still being awaited.
    const ends = expect(elsewhere.read()).rejects.toThrow();
    await redis.kill();
    await ends;
    elsewhere.close();
    writer.append(events(3, 3));
    writer.end();
    expect(await b.log.follow(id, 2)).toBeUndefined();
    expect(await readAll((await a.log.follow(id, 2)) as AnswerFollower)).toEqual({ text: textOf(events(3, 3)), ended: true });
    await redis.restart();
    await connected(a, b);
  });

  test("a connection that shares answers is still reconnecting (it was cut alone): health says down until it is back; an answer begun meanwhile resumes on its instance", async () => {
    const [a, b] = [instance(), instance()];
    await connected(a, b);
    expect(await redisStatusOf(a.connection, a.log)).toBe("up");
    // a's writer connection is the one whose last command ran the append script: Redis cuts it, and only it.
    await answerOn(a, 1);
    const clients = (await b.connection.client.call("CLIENT", "LIST")) as string;
    const writerId = /^id=(\d+) .*\bcmd=(evalsha|eval)\b/m.exec(clients)?.[1];
    expect(writerId).toBeDefined();
    await b.connection.client.call("CLIENT", "KILL", "ID", writerId as string);
    await waitFor(() => !a.log.shared, "a's writer to notice");

    // The main connection is up, so health said "up" before: a new answer would be shared, and it is not.
    expect(a.connection.status).toBe("up");
    expect(await redisStatusOf(a.connection, a.log)).toBe("down");
    const { id, writer } = await answerOn(a, 2);
    writer.end();
    expect(await b.log.follow(id, -1)).toBeUndefined();
    expect(await readAll((await a.log.follow(id, -1)) as AnswerFollower)).toEqual({ text: textOf(events(0, 2)), ended: true });

    await waitFor(() => a.log.shared, "a's writer to reconnect", 5_000);
    expect(await redisStatusOf(a.connection, a.log)).toBe("up");
    await expectShared(a, b);
  });

  test("restarted empty mid-answer: that answer's copy is given up (no stream with a hole), with one line; the next answer is shared", async () => {
    const [a, b] = [instance(), instance()];
    await connected(a, b);
    const { id, writer } = await answerOn(a, 3);
    await redis.kill();
    await redis.restart();
    await connected(a, b);
    writer.append(events(3, 3));
    await sleep(200);
    writer.append(events(6, 1));
    writer.end();
    await sleep(200);
    expect(await b.log.follow(id, -1)).toBeUndefined();
    expect(await readAll((await a.log.follow(id, -1)) as AnswerFollower)).toEqual({ text: textOf(events(0, 7)), ended: true });
    expect(lines.filter((line) => line.includes('"answer_log.local_only"') && line.includes(id))).toHaveLength(1);
    await expectShared(a, b);
  });

  test("the generating instance dies mid-answer: its stream expires, and a follower elsewhere ends instead of waiting forever", async () => {
    const a = instance({ liveTtlMs: 600 });
    const b = instance({ blockMs: 200 });
    await connected(a, b);
    const { id } = await answerOn(a, 2);
    const elsewhere = (await b.log.follow(id, -1)) as AnswerFollower;
    expect((await elsewhere.read()).text).toBe(textOf(events(0, 2)));
    // As a crashed process would: its connections close, nothing more is written or renewed.
    await a.log.close();
    await a.connection.close();
    await expect(elsewhere.read()).rejects.toThrow(/gone/);
    elsewhere.close();
    expect(await b.log.follow(id, -1)).toBeUndefined();
  });

  test("slow Redis: past the backlog bound the answer is resumable on its own instance only, with one line; appending never waits", async () => {
    const a = instance({ maxBacklogCharacters: 2_000 });
    const b = instance();
    await connected(a, b);
    const { id, writer } = await answerOn(a, 1);
    // Every other client of Redis waits 1.5 s for its next command.
    await b.connection.client.call("CLIENT", "PAUSE", "1500", "ALL");
    // Synchronous: the relay's next write to its client is never behind these.
    for (let index = 1; index <= 60; index++) writer.append(events(index, 1, 100));
    writer.end();
    expect(lines.filter((line) => line.includes('"answer_log.local_only"') && line.includes('"backlog"'))).toHaveLength(1);

    await sleep(1_800);
    expect(await b.log.follow(id, -1)).toBeUndefined();
    const here = await a.log.follow(id, -1);
    expect((await readAll(here as AnswerFollower)).text).toBe(textOf(events(0, 1)) + textOf(events(1, 60, 100)));
  });
});
