import { expect, test } from "@playwright/test";
import { Redis } from "ioredis";
import { createConnection } from "node:net";
import { pacedTokens } from "../mock/scenarios";
import {
  answerIdOf,
  cancel,
  follow,
  graceSeconds,
  newClientAddress,
  newTag,
  rateLimit,
  redisHealth,
  sleep,
  startAnswer,
  startCluster,
  upstreamOf,
  within,
  type Cluster,
} from "./instances/cluster";
import { answerText, finishReasonOf, shapeOf, type EventStream, type StreamEvent } from "./instances/event-stream";
import { startNextInstance, type NextInstance } from "./instances/next-instance";

/*
 * Issue 9 across instances (protocol v1.1, "Resumable answers", "Many
 * instances"): two `next start` instances sharing one Redis, one without it,
 * and Redis's faults, asserted as a client sees them. API-level: no browser.
 * One harness for the file, so its tests run in order in one worker; a test
 * that needs Redis up says so (an earlier one may have failed with it down).
 */
test.describe.configure({ mode: "default" });

let cluster: Cluster;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const startedAt = Date.now();
  cluster = await startCluster();
  console.log(`redis, proxy, mock and instances A, B, M started in ${Date.now() - startedAt} ms`);
});

// A failure says what the instances wrote to standard error (Redis warnings, errors).
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus || !cluster) return;
  for (const instance of [cluster.a, cluster.b, cluster.memory]) console.log(`${instance.name} stderr:\n${instance.stderr.slice(-15).join("\n")}`);
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await cluster?.stop();
});

const paced = (tokens: number, intervalMs: number, tag: string) => `mock:paced tokens=${tokens} interval=${intervalMs} first=20 ${tag}`;
const pacedAnswer = (tokens: number) => pacedTokens(tokens).join("");
const ids = (events: readonly StreamEvent[]) => events.flatMap((event) => (event.id === undefined ? [] : [event.id]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const lastId = (stream: EventStream) => ids(stream.events).at(-1) as number;
const deltasSeen = (count: number) => (events: StreamEvent[]) => events.filter((event) => event.event === "delta").length >= count;

/** Whether `instance` accepts connections: a TCP connect, no request. */
function listening(instance: NextInstance): Promise<boolean> {
  const { hostname, port } = new URL(instance.origin);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) }, () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Redis running and both instances using it (after an earlier fault, or an earlier failure). */
async function redisUp(): Promise<number> {
  const { redis, proxy, a, b } = cluster;
  proxy.setLatency(0);
  proxy.release();
  proxy.refuse(false);
  if (!redis.running()) await redis.restart();
  return within(10_000, "both instances report redis up", async () => (await redisHealth(a)) === "up" && (await redisHealth(b)) === "up");
}

/** Cancels answer `id` (of the request tagged `tag`) on `canceller`: the upstream stops within 500 ms, every stream ends with finish cancelled. */
async function expectCancelled(generator: NextInstance, canceller: NextInstance, id: string, tag: string, streams: EventStream[]) {
  const cancelledAt = Date.now();
  expect(await cancel(canceller, id)).toBe(204);
  await within(2_000, "the upstream request closed", () => upstreamOf(cluster.mock, tag)?.endedAt !== undefined);
  const upstream = upstreamOf(cluster.mock, tag);
  expect(upstream?.closedByClient).toBe(true);
  expect((upstream?.endedAt as number) - cancelledAt).toBeLessThan(500);

  for (const stream of streams) {
    const events = await stream.end();
    expect(finishReasonOf(events)).toBe("cancelled");
    expect(events.at(-1)?.data).toBe("[DONE]");
    expect(events.at(-2)?.event).toBe("finish");
  }
  expect((await generator.outcomeOf(id)).outcome).toBe("cancelled");
  // Already ended: still 204.
  expect(await cancel(canceller, id)).toBe(204);
}

/** A long answer on `generator`, followed on `followers`, cancelled on `canceller`. */
async function expectCancelAcross(generator: NextInstance, canceller: NextInstance, followers: NextInstance[] = []) {
  const tag = newTag();
  const client = await startAnswer(generator, paced(500, 20, tag));
  const id = await answerIdOf(client);
  await client.until(deltasSeen(3));
  const following = await Promise.all(followers.map((instance) => follow(instance, id)));
  await Promise.all(following.map((stream) => stream.until(deltasSeen(3))));
  await expectCancelled(generator, canceller, id, tag, [client, ...following]);
  return id;
}

/** Whether a cancel on B ends an answer generated on A (a probe: when it does not, A's own cancel ends it). */
async function crossCancelWorks(): Promise<boolean> {
  const { a, b } = cluster;
  const probe = await startAnswer(a, paced(500, 20, newTag()));
  const id = await answerIdOf(probe);
  await probe.until(deltasSeen(1));
  const status = await cancel(b, id);
  const ended = await Promise.race([probe.end(), sleep(1_000).then(() => undefined)]);
  if (ended === undefined) await cancel(a, id);
  await probe.end();
  return status === 204 && ended !== undefined && finishReasonOf(ended) === "cancelled";
}

/** `count` requests from one address to `instance`; their statuses. */
async function requestsFrom(instance: NextInstance, address: string, count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let index = 0; index < count; index++) {
    const response = await fetch(`${instance.origin}/api/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": address },
      body: JSON.stringify({ messages: [{ role: "user", content: `mock:plain interval=0 first=0 ${newTag()}` }], stream: false }),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
    if (response.status === 429) expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  }
  return statuses;
}

test.describe("two instances sharing Redis", () => {
  test("Redis not running at start: each instance answers on its own, says redis down, and shares again within 10 s of Redis starting", async () => {
    const { a, b, redis } = cluster;
    expect(await redisHealth(a)).toBe("down");
    expect(await redisHealth(b)).toBe("down");

    const tag = newTag();
    const answer = await startAnswer(a, paced(20, 5, tag));
    expect(answer.status).toBe(200);
    const events = await answer.end();
    expect(answerText(events)).toBe(pacedAnswer(20));
    expect(finishReasonOf(events)).toBe("stop");
    expect((await a.outcomeOf(await answerIdOf(answer))).outcome).toBe("success");

    // Limits count on each instance: the same client gets its whole allowance on A, and again on B.
    const address = newClientAddress();
    expect(await requestsFrom(a, address, rateLimit + 1)).toEqual([...Array(rateLimit).fill(200), 429]);
    expect(await requestsFrom(b, address, rateLimit)).toEqual(Array(rateLimit).fill(200));

    // Stop works on the instance that generates the answer.
    await expectCancelAcross(a, a);

    await redis.restart();
    const recoveredMs = await within(10_000, "both instances report redis up", async () => (await redisHealth(a)) === "up" && (await redisHealth(b)) === "up");
    test.info().annotations.push({ type: "recovery", description: `redis up on A and B ${recoveredMs} ms after Redis started` });
    await within(10_000, "cancel across instances works", crossCancelWorks);
    await expectCancelAcross(a, b, [b]);
  });

  test("the rate limit counts one client's requests on A and B together", async () => {
    await redisUp();
    const { a, b } = cluster;
    const address = newClientAddress();
    expect(await requestsFrom(a, address, 2)).toEqual([200, 200]);
    expect(await requestsFrom(b, address, 2)).toEqual([200, 200]);
    expect(await requestsFrom(b, address, 1)).toEqual([429]);
    expect(await requestsFrom(a, address, 1)).toEqual([429]);
    // Another client is not affected.
    expect(await requestsFrom(b, newClientAddress(), 1)).toEqual([200]);
  });

  test("an answer started on A, its client gone, resumes on B with Last-Event-ID: the exact answer, ids continuous, nothing repeated or missing", async () => {
    await redisUp();
    const { a, b, mock } = cluster;
    const tag = newTag();
    const first = await startAnswer(a, paced(80, 15, tag));
    const id = await answerIdOf(first);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    await first.until(deltasSeen(10));
    first.drop();
    const seen = [...first.events];
    const resumedAfter = lastId(first);

    const resumed = await follow(b, id, resumedAfter);
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(resumed.headers.get("cache-control")).toBe("no-cache, no-transform");
    const rest = await resumed.end();
    const whole = [...seen, ...rest];

    expect(ids(seen)).toEqual(range(0, resumedAfter));
    expect(ids(rest)).toEqual(range(resumedAfter + 1, ids(whole).at(-1) as number));
    expect(answerText(whole)).toBe(pacedAnswer(80));
    expect(shapeOf(whole)).toBe("start delta* usage finish [DONE]");
    expect(finishReasonOf(whole)).toBe("stop");
    // The answer went on to the end without its client.
    expect(upstreamOf(mock, tag)).toMatchObject({ closedByClient: false, tokensSent: 80 });
    expect(await a.outcomeOf(id)).toMatchObject({ outcome: "success", deltas: 80, resumes: 1 });

    // Replayed later, on either instance: the same ids and bytes as the first time.
    for (const instance of [a, b]) {
      const replay = await (await follow(instance, id)).end();
      expect(replay.map((event) => event.raw)).toEqual(whole.map((event) => event.raw));
    }
    const afterQuery = await (await follow(b, id, undefined, `?after=${resumedAfter}`)).end();
    expect(afterQuery.map((event) => event.raw)).toEqual(rest.map((event) => event.raw));
    // Last-Event-ID wins over ?after=.
    const both = await (await follow(a, id, resumedAfter + 5, "?after=2")).end();
    expect(ids(both)[0]).toBe(resumedAfter + 6);

    // Nothing after the last event of an ended answer: 204 (an EventSource then stops).
    const lastEvent = ids(whole).at(-1) as number;
    for (const instance of [a, b]) {
      expect((await follow(instance, id, lastEvent)).status).toBe(204);
      expect((await follow(instance, id, undefined, `?after=${lastEvent}`)).status).toBe(204);
    }
  });

  test("several followers at once, on both instances, get the same events as the client that asked", async () => {
    await redisUp();
    const { a, b } = cluster;
    const asker = await startAnswer(a, paced(60, 15, newTag()));
    const id = await answerIdOf(asker);
    await asker.until(deltasSeen(5));
    const followers = await Promise.all([follow(b, id), follow(b, id), follow(a, id), follow(b, id, 3)]);
    const [asked, ...followed] = await Promise.all([asker.end(), ...followers.map((stream) => stream.end())]);
    expect(answerText(asked)).toBe(pacedAnswer(60));
    for (const events of followed.slice(0, 3)) expect(events.map((event) => event.raw)).toEqual(asked.map((event) => event.raw));
    expect(followed[3]?.map((event) => event.raw)).toEqual(asked.slice(4).map((event) => event.raw));
    expect(await a.outcomeOf(id)).toMatchObject({ outcome: "success", resumes: 4 });
  });

  test("cancel on B stops A's upstream within 500 ms; the client on A and a follower on B get finish cancelled and [DONE]", async () => {
    await redisUp();
    const { a, b } = cluster;
    const id = await expectCancelAcross(a, b, [b]);
    expect((await a.outcomeOf(id)).resumes).toBe(1);
    // 404 for an id nobody knows, on either instance.
    expect(await cancel(b, "unknown-answer-id-0000000000")).toBe(404);
    expect(await cancel(a, "unknown-answer-id-0000000000")).toBe(404);
  });

  test("grace period: nobody resumes, the upstream is aborted after CHAT_RESUME_GRACE_S; a later resume ends with finish cancelled", async () => {
    await redisUp();
    const { a, b, mock } = cluster;
    const tag = newTag();
    const client = await startAnswer(a, paced(500, 20, tag));
    const id = await answerIdOf(client);
    await client.until(deltasSeen(5));
    const droppedAt = Date.now();
    client.drop();
    const seenUpTo = lastId(client);

    // Still generating well into the grace period...
    await sleep(graceSeconds * 500);
    expect(upstreamOf(mock, tag)?.endedAt).toBeUndefined();
    // ...and aborted once it is over.
    await within(graceSeconds * 1000 + 5_000, "the upstream aborted", () => upstreamOf(mock, tag)?.endedAt !== undefined);
    const upstream = upstreamOf(mock, tag);
    expect(upstream?.closedByClient).toBe(true);
    expect((upstream?.endedAt as number) - droppedAt).toBeGreaterThanOrEqual(graceSeconds * 1000 - 100);
    expect(await a.outcomeOf(id)).toMatchObject({ outcome: "client_disconnected_while_streaming", resumes: 0 });

    for (const instance of [b, a]) {
      const late = await follow(instance, id, seenUpTo);
      expect(late.status).toBe(200);
      const events = await late.end();
      expect(ids(events)[0]).toBe(seenUpTo + 1);
      expect(ids(events)).toEqual(range(seenUpTo + 1, ids(events).at(-1) as number));
      expect(shapeOf(events)).toMatch(/^(delta\* )?finish \[DONE\]$/);
      expect(finishReasonOf(events)).toBe("cancelled");
    }
  });

  test("a request that is not resumable keeps v1: its client gone, the upstream is aborted at once, and it cannot be resumed", async () => {
    await redisUp();
    const { a, b, mock } = cluster;
    const tag = newTag();
    const client = await startAnswer(a, paced(500, 20, tag), { resumable: false });
    const id = await answerIdOf(client);
    await client.until(deltasSeen(3));
    const droppedAt = Date.now();
    client.drop();
    await within(2_000, "the upstream aborted", () => upstreamOf(mock, tag)?.endedAt !== undefined);
    expect((upstreamOf(mock, tag)?.endedAt as number) - droppedAt).toBeLessThan(500);
    expect((await a.outcomeOf(id)).outcome).toBe("client_disconnected_while_streaming");
    expect((await follow(a, id)).status).toBe(204);
    expect((await follow(b, id)).status).toBe(204);
  });

  test("a new instance connects to Redis as it starts: its first request already counts toward the shared rate limit, and it resumes answers of A", async () => {
    await redisUp();
    const observer = new Redis(cluster.redis.url);
    const connections = async () => String(await observer.client("LIST")).trim().split("\n").length;
    let instance: NextInstance | undefined;
    try {
      const before = await connections();
      instance = await startNextInstance("C", cluster.sharedEnvironment, { untouched: true });
      // Its connection for commands and the one it listens on (cancels, followers), with nothing asked of it.
      await within(30_000, "the new instance's connections to Redis", async () => (await connections()) >= before + 2);
      await within(30_000, "the new instance listening", () => listening(instance as NextInstance));

      // Its very first request counts in Redis, not in its memory: A then allows one fewer.
      const address = newClientAddress();
      expect(await requestsFrom(instance, address, 1)).toEqual([200]);
      expect(await requestsFrom(cluster.a, address, rateLimit)).toEqual([...Array(rateLimit - 1).fill(200), 429]);
      await expectResumeAcross(cluster.a, instance);
    } finally {
      await instance?.stop();
      observer.disconnect();
    }
  });

  test("204 for an unknown id, on either instance", async () => {
    await redisUp();
    for (const instance of [cluster.a, cluster.b]) {
      expect((await follow(instance, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).status).toBe(204);
      expect((await follow(instance, "not-an-answer", 5)).status).toBe(204);
    }
  });
});

/** What a client saw during each Redis fault, printed at the end of the file (the README's fault table). */
const faultTable: string[][] = [];
test.afterAll(() => {
  if (faultTable.length === 0) return;
  console.log(["", "fault | request | what the client saw | outcome line", ...faultTable.map((row) => row.join(" | "))].join("\n"));
});

/** A resumable answer on `generator`, its client dropped after 5 deltas, resumed on `resumer`: exact, ids continuous. */
async function expectResumeAcross(generator: NextInstance, resumer: NextInstance, tokens = 40) {
  const client = await startAnswer(generator, paced(tokens, 15, newTag()));
  const id = await answerIdOf(client);
  await client.until(deltasSeen(5));
  client.drop();
  const seen = [...client.events];
  const resumed = await follow(resumer, id, lastId(client));
  expect(resumed.status).toBe(200);
  const whole = [...seen, ...(await resumed.end())];
  expect(ids(whole)).toEqual(range(0, ids(whole).at(-1) as number));
  expect(answerText(whole)).toBe(pacedAnswer(tokens));
  expect(finishReasonOf(whole)).toBe("stop");
  expect(await generator.outcomeOf(id)).toMatchObject({ outcome: "success", resumes: 1 });
}

/**
 * A resume that Redis's fault may keep from working: it must answer (no 500,
 * no hang), and what it sends must still be the answer, from the right event on.
 */
async function resumeDuringFault(instance: NextInstance, id: string, after: number, tokens: number): Promise<string> {
  const startedAt = Date.now();
  const stream = await follow(instance, id, after);
  expect([200, 204]).toContain(stream.status);
  const events = await stream.end();
  const took = Date.now() - startedAt;
  if (stream.status === 204) return `204 in ${took} ms`;
  expect(ids(events)).toEqual(range(after + 1, ids(events).at(-1) as number));
  expect(pacedAnswer(tokens).endsWith(answerText(events))).toBe(true);
  return `200, ${shapeOf(events)}, finish ${finishReasonOf(events)} (${took} ms)`;
}

/** Redis back (or fast again): within 10 s, health says up and cancel and resume work across instances. */
async function expectRecovery(fault: string) {
  const { a, b } = cluster;
  const recoveredMs = await within(10_000, "both instances report redis up", async () => (await redisHealth(a)) === "up" && (await redisHealth(b)) === "up");
  const crossMs = await within(10_000, "cancel across instances works", crossCancelWorks);
  await expectCancelAcross(a, b, [b]);
  await expectResumeAcross(b, a);
  faultTable.push([fault, "after it", `health up after ${recoveredMs} ms; cancel across after ${recoveredMs + crossMs} ms; resume across works`, "—"]);
}

test.describe("Redis faults (A and B through the fault proxy)", () => {
  test("Redis killed mid-answer: the client gets the whole answer, nothing answers 500 or hangs, and all is shared again once Redis is back", async () => {
    await redisUp();
    const { a, b, redis, mock } = cluster;
    const tag = newTag();
    const client = await startAnswer(a, paced(80, 20, tag));
    const id = await answerIdOf(client);
    await client.until(deltasSeen(5));
    await redis.kill();
    const resumed = await resumeDuringFault(b, id, 2, 80);
    const events = await client.end();
    expect(answerText(events)).toBe(pacedAnswer(80));
    expect(finishReasonOf(events)).toBe("stop");
    const outcome = await a.outcomeOf(id);
    expect(outcome.outcome).toBe("success");
    expect(upstreamOf(mock, tag)?.closedByClient).toBe(false);
    faultTable.push(["killed mid-answer", "the answer's client on A", `${shapeOf(events)}, exact`, JSON.stringify({ outcome: outcome.outcome, resumes: outcome.resumes })]);
    faultTable.push(["killed mid-answer", "resume on B, Last-Event-ID 2", resumed, "—"]);

    await within(3_000, "both instances report redis down", async () => (await redisHealth(a)) === "down" && (await redisHealth(b)) === "down");
    // New answers go on; Stop works where the answer is generated; a Stop elsewhere answers at once.
    const during = await (await startAnswer(b, paced(20, 5, newTag()))).end();
    expect(answerText(during)).toBe(pacedAnswer(20));
    await expectCancelAcross(a, a);
    const probe = await startAnswer(a, paced(500, 20, newTag()));
    const probeId = await answerIdOf(probe);
    const crossStatus = await cancel(b, probeId);
    expect([204, 404]).toContain(crossStatus);
    expect(await cancel(a, probeId)).toBe(204);
    await probe.end();
    faultTable.push(["Redis down", "cancel on B of an answer on A", `${crossStatus}`, "—"]);
    expect(a.stderr.filter((line) => line.includes('"redis.down"')).length).toBeGreaterThanOrEqual(1);

    await redis.restart();
    await expectRecovery("killed, then restarted");
  });

  test("Redis restarted mid-answer (its memory lost): a resume on B never shows a gap", async () => {
    await redisUp();
    const { a, b, redis } = cluster;
    const client = await startAnswer(a, paced(150, 20, newTag()));
    const id = await answerIdOf(client);
    await client.until(deltasSeen(5));
    await redis.kill();
    await redis.restart();
    await within(10_000, "both instances report redis up", async () => (await redisHealth(a)) === "up" && (await redisHealth(b)) === "up");
    const resumed = await resumeDuringFault(b, id, 2, 150);
    const events = await client.end();
    expect(answerText(events)).toBe(pacedAnswer(150));
    const outcome = await a.outcomeOf(id);
    expect(outcome.outcome).toBe("success");
    faultTable.push(["restarted mid-answer", "the answer's client on A", `${shapeOf(events)}, exact`, JSON.stringify({ outcome: outcome.outcome, resumes: outcome.resumes })]);
    faultTable.push(["restarted mid-answer", "resume on B, Last-Event-ID 2, after the restart", resumed, "—"]);
    await expectRecovery("restarted");
  });

  for (const fault of ["slow (+400 ms each way)", "hung (connections open, nothing passes)"] as const) {
    test(`Redis ${fault}: answers, limits, resume and cancel answer without a 500 or a hang; fine again within 10 s`, async () => {
      await redisUp();
      const { a, b, proxy, mock } = cluster;
      if (fault.startsWith("slow")) proxy.setLatency(400);
      else proxy.hold();

      const tag = newTag();
      const sentAt = Date.now();
      const client = await startAnswer(a, paced(60, 20, tag));
      expect(client.status).toBe(200);
      const id = await answerIdOf(client);
      const startMs = Date.now() - sentAt;
      await client.until(deltasSeen(5));
      const resumed = await resumeDuringFault(b, id, 2, 60);
      const crossStatus = await cancel(b, "unknown-answer-id-0000000000");
      expect([404]).toContain(crossStatus);
      const events = await client.end();
      expect(answerText(events)).toBe(pacedAnswer(60));
      expect(finishReasonOf(events)).toBe("stop");
      const outcome = await a.outcomeOf(id);
      expect(outcome.outcome).toBe("success");
      expect(upstreamOf(mock, tag)?.tokensSent).toBe(60);

      const limitStartedAt = Date.now();
      const statuses = await requestsFrom(b, newClientAddress(), 2);
      expect(statuses).toEqual([200, 200]);
      const health = [await redisHealth(a), await redisHealth(b)];
      faultTable.push([fault, "the answer's client on A", `start after ${startMs} ms; ${shapeOf(events)}, exact`, JSON.stringify({ outcome: outcome.outcome, resumes: outcome.resumes })]);
      faultTable.push([fault, "resume on B, Last-Event-ID 2", resumed, "—"]);
      faultTable.push([fault, "2 rate-limited requests on B; health A, B", `${statuses.join(", ")} in ${Date.now() - limitStartedAt} ms; health ${health.join(", ")}`, "—"]);

      proxy.setLatency(0);
      proxy.release();
      await expectRecovery(fault);
    });
  }
});

test.describe("one instance without REDIS_URL", () => {
  test("health says off; a dropped client resumes with Last-Event-ID, exact; followers see the same events", async () => {
    const { memory } = cluster;
    expect(await redisHealth(memory)).toBe("off");
    await expectResumeAcross(memory, memory);
    const asker = await startAnswer(memory, paced(40, 15, newTag()));
    const id = await answerIdOf(asker);
    await asker.until(deltasSeen(3));
    const followers = await Promise.all([follow(memory, id), follow(memory, id, 1)]);
    const [asked, whole, after1] = await Promise.all([asker.end(), ...followers.map((stream) => stream.end())]);
    expect(whole?.map((event) => event.raw)).toEqual(asked.map((event) => event.raw));
    expect(after1?.map((event) => event.raw)).toEqual(asked.slice(2).map((event) => event.raw));
    expect((await follow(memory, "AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(204);
  });

  test("cancel stops the upstream within 500 ms and ends the follower; the grace period aborts an unwatched answer", async () => {
    const { memory, mock } = cluster;
    const tag = newTag();
    const client = await startAnswer(memory, paced(500, 20, tag));
    const id = await answerIdOf(client);
    await client.until(deltasSeen(3));
    const follower = await follow(memory, id);
    await expectCancelled(memory, memory, id, tag, [client, follower]);

    const unwatchedTag = newTag();
    const unwatched = await startAnswer(memory, paced(500, 20, unwatchedTag));
    const unwatchedId = await answerIdOf(unwatched);
    await unwatched.until(deltasSeen(3));
    const droppedAt = Date.now();
    unwatched.drop();
    await within(graceSeconds * 1000 + 5_000, "the upstream aborted", () => upstreamOf(mock, unwatchedTag)?.endedAt !== undefined);
    expect((upstreamOf(mock, unwatchedTag)?.endedAt as number) - droppedAt).toBeGreaterThanOrEqual(graceSeconds * 1000 - 100);
    expect((await memory.outcomeOf(unwatchedId)).outcome).toBe("client_disconnected_while_streaming");
  });

  test("the rate limit counts on the one instance", async () => {
    expect(await requestsFrom(cluster.memory, newClientAddress(), rateLimit + 1)).toEqual([...Array(rateLimit).fill(200), 429]);
  });
});
