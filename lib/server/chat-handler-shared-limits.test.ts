import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startTestRedis, type TestRedis } from "@/lib/shared-state/testing/redis-server";
import { chatRequest, deltaText, eventsOf, readSseMessages, stubFastDemoModel, userMessage } from "@/lib/server/test-support";

type Instance = {
  chat: typeof import("@/lib/testing/chat-route");
  health: typeof import("@/app/api/health/route");
  resume: typeof import("@/app/api/chat/[id]/stream/route");
};

/** A fresh copy of the app's modules: what a second instance of the deployment would hold. */
async function startInstance(): Promise<Instance> {
  vi.resetModules();
  return {
    chat: await import("@/lib/testing/chat-route"),
    health: await import("@/app/api/health/route"),
    resume: await import("@/app/api/chat/[id]/stream/route"),
  };
}

async function redisField(instance: Instance): Promise<string> {
  return ((await (await instance.health.GET(new Request("http://app.test/api/health"))).json()) as { redis: string }).redis;
}

describe("two instances on one Redis", () => {
  let redis: TestRedis;
  let instances: Instance[];

  beforeAll(async () => {
    redis = await startTestRedis();
    stubFastDemoModel(vi.stubEnv);
    vi.stubEnv("CHAT_RATE_LIMIT", "3");
    vi.stubEnv("CHAT_TRUST_PROXY", "1");
    vi.stubEnv("REDIS_URL", redis.url);
    instances = [await startInstance(), await startInstance()];
    await vi.waitFor(async () => expect(await Promise.all(instances.map(redisField))).toEqual(["up", "up"]), { timeout: 3_000 });
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await redis.stop();
  });

  test("count one client's requests together, and fall back to counting alone while Redis is gone", async () => {
    const ask = (instance: Instance | undefined, address: string) =>
      instance?.chat.POST(chatRequest({ messages: userMessage("hello"), stream: false }, { "X-Forwarded-For": address }));
    const [a, b] = instances;
    const statuses = [];
    for (const instance of [a, b, a, b]) statuses.push((await ask(instance, "10.9.0.1"))?.status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    await redis.kill();
    const whileDown = await ask(b, "10.9.0.2");
    expect(whileDown?.status).toBe(200);
    expect(await redisField(b as Instance)).toBe("down");
    await redis.restart();
    await vi.waitFor(async () => expect(await redisField(a as Instance)).toBe("up"), { timeout: 10_000 });
  });

  test("a new instance's first request, sent as it starts connecting to Redis (as on Vercel), counts together with the others, and its answer resumes elsewhere", async () => {
    const [a] = instances as [Instance];
    await vi.waitFor(async () => expect(await redisField(a)).toBe("up"), { timeout: 10_000 });
    const fresh = await startInstance();
    const address = "10.9.0.3";
    const response = await fresh.chat.POST(chatRequest({ messages: userMessage("hello"), resumable: true }, { "X-Forwarded-For": address }));
    expect(response.status).toBe(200);
    const events = eventsOf(await readSseMessages(response.body));
    const start = events[0];
    expect(start?.type).toBe("start");
    const id = start?.type === "start" ? start.id : "";

    // The answer is in Redis: another instance replays it whole.
    const resumed = await a.resume.GET(new Request(`http://app.test/api/chat/${id}/stream`), { params: Promise.resolve({ id }) });
    expect(resumed.status).toBe(200);
    expect(deltaText(eventsOf(await readSseMessages(resumed.body)))).toBe(deltaText(events));
    // The request counted in Redis: of CHAT_RATE_LIMIT (3), A allows this client two more.
    const statuses = [];
    for (let index = 0; index < 3; index++) {
      const more = await a.chat.POST(chatRequest({ messages: userMessage("hello"), stream: false }, { "X-Forwarded-For": address }));
      statuses.push(more.status);
      await more.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});
