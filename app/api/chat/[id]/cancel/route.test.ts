import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { decodeSse } from "@/lib/sse/decode";
import type { Outcome } from "@/lib/server/outcome";
import { chatRequest, onlyOutcomeOf, userMessage, waitFor } from "@/lib/server/test-support";
import { startTestRedis, type TestRedis } from "@/lib/shared-state/testing/redis-server";
import { startMockServer, type MockServer } from "@/mock/mock-server";

type Instance = {
  chat: typeof import("@/lib/testing/chat-route");
  cancel: typeof import("@/app/api/chat/[id]/cancel/route");
  outcome: typeof import("@/lib/server/outcome");
};

async function startInstance(): Promise<Instance> {
  vi.resetModules();
  return {
    chat: await import("@/lib/testing/chat-route"),
    cancel: await import("@/app/api/chat/[id]/cancel/route"),
    outcome: await import("@/lib/server/outcome"),
  };
}

const cancelOn = (instance: Instance, id: string) =>
  instance.cancel.POST(new Request(`http://app.test/api/chat/${id}/cancel`, { method: "POST" }), { params: Promise.resolve({ id }) });

/** Starts a long streamed answer on `instance`; resolves once its first tokens have arrived (a person presses Stop on a growing answer). */
async function startAnswer(instance: Instance, tag: string) {
  const response = await instance.chat.POST(chatRequest({ messages: userMessage(`mock:paced tokens=500 interval=20 ${tag}`) }));
  const messages = decodeSse(response.body ?? new ReadableStream());
  const first = await messages.next();
  const id = (JSON.parse(first.value?.data ?? "{}") as { id: string }).id;
  expect((await messages.next()).value?.event).toBe("delta");
  const rest = (async () => {
    const events: Array<{ event?: string; data: string }> = [];
    for await (const message of messages) events.push(message);
    return events;
  })();
  return { id, rest };
}

let mock: MockServer;
let redis: TestRedis;

beforeAll(async () => {
  mock = await startMockServer();
  redis = await startTestRedis();
  vi.stubEnv("AZURE_OPENAI_ENDPOINT", "");
  vi.stubEnv("OPENAI_API_KEY", "test");
  vi.stubEnv("OPENAI_BASE_URL", mock.baseUrl);
  vi.stubEnv("CHAT_RATE_LIMIT", "0");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await mock.close();
  await redis.stop();
});

async function expectCancelledEnd(answer: Awaited<ReturnType<typeof startAnswer>>, tag: string, cancelledAt: number) {
  const events = await answer.rest;
  expect(events.at(-2)).toMatchObject({ event: "finish", data: JSON.stringify({ finish_reason: "cancelled" }) });
  expect(events.at(-1)?.data).toBe("[DONE]");
  const record = () => mock.requests.find((candidate) => JSON.stringify(candidate.body).includes(tag));
  await waitFor(() => record()?.closedByClient === true, "the upstream request to close");
  expect(performance.now() - cancelledAt).toBeLessThan(500);
  expect(record()?.tokensSent).toBeLessThan(500);
}

describe("POST /api/chat/{id}/cancel", () => {
  test("on one instance (memory): the upstream stops within 500 ms, the reader gets finish cancelled, the outcome is cancelled", async () => {
    vi.stubEnv("REDIS_URL", "");
    const instance = await startInstance();
    const outcomes: Outcome[] = [];
    const detach = instance.outcome.onOutcome((outcome) => outcomes.push(outcome));
    const answer = await startAnswer(instance, "tag=one-instance");
    const cancelledAt = performance.now();
    expect((await cancelOn(instance, answer.id)).status).toBe(204);
    await expectCancelledEnd(answer, "tag=one-instance", cancelledAt);
    detach();
    expect((await onlyOutcomeOf(outcomes, answer.id)).outcome).toBe("cancelled");
    // Already ended: still 204. Never seen: 404.
    expect((await cancelOn(instance, answer.id)).status).toBe(204);
    expect((await cancelOn(instance, "no-such-answer-id")).status).toBe(404);
  });

  test("across instances on Redis: cancel on B stops the answer A generates", async () => {
    vi.stubEnv("REDIS_URL", redis.url);
    const instanceA = await startInstance();
    const instanceB = await startInstance();
    const outcomesOfA: string[] = [];
    instanceA.outcome.onOutcome((outcome) => outcomesOfA.push(outcome.outcome));
    // Both connected, B listening for cancels, before the answer starts.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const answer = await startAnswer(instanceA, "tag=two-instances");
    const cancelledAt = performance.now();
    expect((await cancelOn(instanceB, answer.id)).status).toBe(204);
    await expectCancelledEnd(answer, "tag=two-instances", cancelledAt);
    await waitFor(() => outcomesOfA.includes("cancelled"), "A's outcome");
    expect((await cancelOn(instanceB, answer.id)).status).toBe(204);
  });

  test("across instances, a cancel sent the moment `start` arrives finds the answer (no 404 race)", async () => {
    vi.stubEnv("REDIS_URL", redis.url);
    const instanceA = await startInstance();
    const instanceB = await startInstance();
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await instanceA.chat.POST(chatRequest({ messages: userMessage(`mock:paced tokens=500 interval=20 tag=race-${attempt}`) }));
      const messages = decodeSse(response.body ?? new ReadableStream());
      const id = (JSON.parse((await messages.next()).value?.data ?? "{}") as { id: string }).id;
      expect((await cancelOn(instanceB, id)).status).toBe(204);
      const rest: Array<{ data: string }> = [];
      for await (const message of messages) rest.push(message);
      expect(rest.at(-2)?.data).toBe(JSON.stringify({ finish_reason: "cancelled" }));
    }
  });
});
