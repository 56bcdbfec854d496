import { startFaultProxy, type FaultProxy } from "../../lib/testing/fault-proxy";
import { startTestRedis, type TestRedis } from "../../lib/shared-state/testing/redis-server";
import { startMockServer, type MockRequestRecord, type MockServer } from "../../mock/mock-server";
import { openEventStream, type EventStream } from "./event-stream";
import { startNextInstance, type NextInstance } from "./next-instance";

/** Seconds a resumable answer goes on without a client (short, so the test of it is). */
export const graceSeconds = 2;
/** Requests a minute from one client address. */
export const rateLimit = 4;

/**
 * What the many-instances tests run against: a redis-server of their own
 * (persistence off), a fault proxy in front of it, the mock upstream, two
 * `next start` instances (A and B) that share Redis through the proxy, and a
 * third (M) without REDIS_URL. Each client address is a fresh
 * `X-Forwarded-For` (CHAT_TRUST_PROXY=1), so the rate limit counts only the
 * requests a test means it to.
 */
export interface Cluster {
  redis: TestRedis & { running(): boolean };
  proxy: FaultProxy;
  mock: MockServer;
  a: NextInstance;
  b: NextInstance;
  memory: NextInstance;
  /** A and B's environment, for another instance like them. */
  sharedEnvironment: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts everything; Redis is not running when A and B start (the first fault the tests look at). */
export async function startCluster(): Promise<Cluster> {
  const [testRedis, mock] = await Promise.all([startTestRedis(), startMockServer(0)]);
  const proxy = await startFaultProxy(testRedis.port);
  await testRedis.kill();
  let running = false;
  const redis = {
    ...testRedis,
    running: () => running,
    kill: () => ((running = false), testRedis.kill()),
    restart: async () => {
      await testRedis.restart();
      running = true;
    },
  };
  const common = {
    OPENAI_API_KEY: "test-key-not-real",
    OPENAI_BASE_URL: mock.baseUrl,
    OPENAI_MODEL: "mock-model",
    AZURE_OPENAI_ENDPOINT: "",
    AZURE_OPENAI_API_KEY: "",
    CHAT_RESUME_GRACE_S: String(graceSeconds),
    CHAT_RATE_LIMIT: String(rateLimit),
    CHAT_TRUST_PROXY: "1",
  };
  const shared = { ...common, REDIS_URL: `redis://127.0.0.1:${proxy.port}` };
  const started = await Promise.allSettled([startNextInstance("A", shared), startNextInstance("B", shared), startNextInstance("M", common)]);
  const instances = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  const stop = async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await proxy.close();
    await redis.stop();
    await mock.close();
  };
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const [a, b, memory] = instances as [NextInstance, NextInstance, NextInstance];
  return { redis, proxy, mock, a, b, memory, sharedEnvironment: shared, stop };
}

let addressCounter = 0;
/** A client address no other request used (each test's rate limit starts at zero). */
export const newClientAddress = () => `10.${process.pid % 250}.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

/** A tag that finds one test's request among those the mock saw. */
export const newTag = () => `tag=${Math.random().toString(36).slice(2, 10)}`;

export interface AnswerOptions {
  resumable?: boolean;
  clientAddress?: string;
  stream?: boolean;
}

/** `POST /api/chat` to `instance`, streaming; the caller reads, drops or ends it. */
export function startAnswer(instance: NextInstance, prompt: string, options: AnswerOptions = {}): Promise<EventStream> {
  return openEventStream(`${instance.origin}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Forwarded-For": options.clientAddress ?? newClientAddress() },
    body: JSON.stringify({ messages: [{ role: "user", content: prompt }], resumable: options.resumable ?? true, stream: options.stream ?? true }),
  });
}

/** `GET /api/chat/{id}/stream` on `instance`, after `lastEventId` when given (or `query`, e.g. `?after=3`). */
export function follow(instance: NextInstance, id: string, lastEventId?: number, query = ""): Promise<EventStream> {
  return openEventStream(`${instance.origin}/api/chat/${id}/stream${query}`, {
    headers: lastEventId === undefined ? {} : { "Last-Event-ID": String(lastEventId) },
  });
}

export async function cancel(instance: NextInstance, id: string): Promise<number> {
  const response = await fetch(`${instance.origin}/api/chat/${id}/cancel`, { method: "POST" });
  await response.arrayBuffer();
  return response.status;
}

export async function redisHealth(instance: NextInstance): Promise<string> {
  const response = await fetch(`${instance.origin}/api/health`);
  if (response.status !== 200) throw new Error(`${instance.name}: /api/health answered ${response.status}`);
  return ((await response.json()) as { redis: string }).redis;
}

/** The answer's id, from its `start` event. */
export async function answerIdOf(stream: EventStream): Promise<string> {
  await stream.until((events) => events.length > 0);
  const start = stream.events[0];
  if (start?.event !== "start") throw new Error(`the first event was ${start?.event}, not start`);
  return (JSON.parse(start.data) as { id: string }).id;
}

/** What the mock saw of the request carrying `tag`. */
export function upstreamOf(mock: MockServer, tag: string): MockRequestRecord | undefined {
  return mock.requests.find((record) => JSON.stringify(record.body.messages).includes(tag));
}

export const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Polls `condition` every 20 ms; how long it took, or an error naming `what` after `timeoutMs`. */
export async function within(timeoutMs: number, what: string, condition: () => boolean | Promise<boolean>): Promise<number> {
  const startedAt = Date.now();
  for (;;) {
    if (await condition()) return Date.now() - startedAt;
    if (Date.now() - startedAt > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(20);
  }
}
