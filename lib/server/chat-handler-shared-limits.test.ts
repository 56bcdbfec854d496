import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startTestRedis, type TestRedis } from "@/lib/shared-state/testing/redis-server";
import { chatRequest, stubFastDemoModel, userMessage } from "@/lib/server/test-support";

type Instance = { chat: typeof import("@/lib/testing/chat-route"); health: typeof import("@/app/api/health/route") };

/** A fresh copy of the app's modules: what a second instance of the deployment would hold. */
async function startInstance(): Promise<Instance> {
  vi.resetModules();
  return { chat: await import("@/lib/testing/chat-route"), health: await import("@/app/api/health/route") };
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
});
