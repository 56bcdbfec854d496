import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Outcome } from "@/lib/server/outcome";
import { chatRequest, onlyOutcomeOf, readText, sleep, userMessage, withMockProviderEnvironment } from "@/lib/server/test-support";
import { startTestRedis, type TestRedis } from "@/lib/shared-state/testing/redis-server";

/*
 * Two instances of the app in one process (each import after
 * vi.resetModules() is a fresh server with its own memory and its own
 * connections), sharing one real redis-server.
 */

interface Instance {
  chat: typeof import("@/lib/testing/chat-route");
  stream: typeof import("@/app/api/chat/[id]/stream/route");
  cancel: typeof import("@/app/api/chat/[id]/cancel/route");
  outcomes: Outcome[];
}

async function startInstance(): Promise<Instance> {
  vi.resetModules();
  const outcomes: Outcome[] = [];
  (await import("@/lib/server/outcome")).onOutcome((outcome) => outcomes.push(outcome));
  const instance = {
    chat: await import("@/lib/testing/chat-route"),
    stream: await import("@/app/api/chat/[id]/stream/route"),
    cancel: await import("@/app/api/chat/[id]/cancel/route"),
    outcomes,
  };
  // The server and its connections to Redis start with its first request; let them connect and subscribe.
  (await import("@/lib/server/chat-server")).chatServer();
  return instance;
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const resumeOn = (instance: Instance, id: string, lastEventId: number) =>
  instance.stream.GET(new Request(`http://app.test/api/chat/${id}/stream`, { headers: { "Last-Event-ID": String(lastEventId) } }), params(id));

/** Starts a resumable answer on `instance` and reads it until `deltas` deltas came; the reader and what it got. */
async function startAnswer(instance: Instance, prompt: string, deltas: number) {
  const response = await instance.chat.POST(chatRequest({ messages: userMessage(prompt), resumable: true }));
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  while ((text.match(/event: delta/g) ?? []).length < deltas) {
    const { done, value } = await reader.read();
    if (done) throw new Error("the answer ended early");
    text += decoder.decode(value, { stream: true });
  }
  const id = (JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? "{}") as { id: string }).id;
  const lastId = Number([...text.matchAll(/^id: (\d+)$/gm)].at(-1)?.[1]);
  return { id, text, lastId, reader };
}

const pacedText = (count: number) => Array.from({ length: count }, (_, index) => `Token ${index}. `).join("");
const deltasOf = (text: string) =>
  [...text.matchAll(/^event: delta\ndata: (.*)$/gm)].map((match) => (JSON.parse(match[1] ?? "{}") as { content: string }).content).join("");

let redis: TestRedis;
let instanceA: Instance;
let instanceB: Instance;
const upstream = withMockProviderEnvironment({ CHAT_RATE_LIMIT: "0", CHAT_RESUME_GRACE_S: "1" });

beforeAll(async () => {
  redis = await startTestRedis();
  vi.stubEnv("REDIS_URL", redis.url);
  instanceA = await startInstance();
  instanceB = await startInstance();
  await sleep(500);
});

afterAll(async () => {
  await redis.stop();
});

describe("resumable answers across instances (Redis)", () => {
  test("a client that left A resumes on B: the same ids and bytes, then live to [DONE]; A's grace period ends when B follows; A counts the resume", async () => {
    const answer = await startAnswer(instanceA, "mock:paced tokens=120 interval=20 tag=across", 3);
    await answer.reader.cancel();
    await sleep(200);
    const resumed = await resumeOn(instanceB, answer.id, answer.lastId);
    expect(resumed.status).toBe(200);
    const rest = await readText(resumed.body);
    // 120 tokens at 20 ms: well past A's one-second grace period, kept going by B's follower.
    expect(deltasOf(answer.text + rest)).toBe(pacedText(120));
    expect(rest.endsWith('event: finish\ndata: {"finish_reason":"stop"}\n\ndata: [DONE]\n\n')).toBe(true);
    expect(rest.startsWith(`id: ${answer.lastId + 1}\n`)).toBe(true);
    expect(await onlyOutcomeOf(instanceA.outcomes, answer.id)).toMatchObject({ outcome: "success", resumes: 1, deltas: 120 });
    expect(instanceB.outcomes.filter((outcome) => outcome.id === answer.id)).toEqual([]);
    // Ended, nothing after the last id: 204 on either instance.
    const lastId = Number([...rest.matchAll(/^id: (\d+)$/gm)].at(-1)?.[1]);
    expect((await resumeOn(instanceB, answer.id, lastId)).status).toBe(204);
    expect((await resumeOn(instanceA, answer.id, lastId)).status).toBe(204);
  });

  test("cancel on B: A's upstream stops and a follower on B gets finish cancelled and [DONE]", async () => {
    const answer = await startAnswer(instanceA, "mock:paced tokens=500 interval=20 tag=cancel-across", 2);
    const follower = await resumeOn(instanceB, answer.id, answer.lastId);
    const followed = readText(follower.body);
    await sleep(100);
    const cancelled = await instanceB.cancel.POST(new Request(`http://app.test/api/chat/${answer.id}/cancel`, { method: "POST" }), params(answer.id));
    expect(cancelled.status).toBe(204);
    expect((await followed).endsWith('event: finish\ndata: {"finish_reason":"cancelled"}\n\ndata: [DONE]\n\n')).toBe(true);
    await answer.reader.cancel();
    expect(await onlyOutcomeOf(instanceA.outcomes, answer.id)).toMatchObject({ outcome: "cancelled", resumes: 1 });
    const record = upstream.mock.requests.find((request) => JSON.stringify(request.body).includes("tag=cancel-across"));
    expect(record?.tokensSent).toBeLessThan(500);
  });

  test("Redis stalled for a whole answer: its client still gets every token; it resumes on A at once, and on B once Redis has caught up", async () => {
    const admin = new Redis(redis.url);
    await admin.call("CLIENT", "PAUSE", "3000", "ALL");
    const response = await instanceA.chat.POST(chatRequest({ messages: userMessage("mock:paced tokens=40 interval=10 tag=stalled"), resumable: true }));
    expect(response.status).toBe(200);
    const text = await readText(response.body);
    expect(deltasOf(text)).toBe(pacedText(40));
    const id = (JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? "{}") as { id: string }).id;
    expect(await readText((await resumeOn(instanceA, id, 10)).body)).toBe(text.slice(text.indexOf("id: 11\n")));
    admin.disconnect();
    await sleep(3_200);
    // Within the backlog bound nothing was lost: the same bytes on B.
    expect(await readText((await resumeOn(instanceB, id, 10)).body)).toBe(text.slice(text.indexOf("id: 11\n")));
  });

  test("Redis gone: the chat goes on, A resumes its own answers, B answers 204, no 500; Redis back: shared again within 10 s", async () => {
    await redis.kill();
    const response = await instanceA.chat.POST(chatRequest({ messages: userMessage("mock:paced tokens=10 interval=5"), resumable: true }));
    expect(response.status).toBe(200);
    const text = await readText(response.body);
    expect(deltasOf(text)).toBe(pacedText(10));
    const id = (JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? "{}") as { id: string }).id;
    expect(await readText((await resumeOn(instanceA, id, -1)).body)).toBe(text);
    expect((await resumeOn(instanceB, id, -1)).status).toBe(204);
    expect((await instanceB.cancel.POST(new Request(`http://app.test/api/chat/${id}/cancel`, { method: "POST" }), params(id))).status).toBe(404);

    await redis.restart();
    const backAt = performance.now();
    let resumed = 0;
    while (resumed !== 200 && performance.now() - backAt < 10_000) {
      const again = await instanceA.chat.POST(chatRequest({ messages: userMessage("mock:paced tokens=3 interval=5"), resumable: true }));
      const againText = await readText(again.body);
      const againId = (JSON.parse(/^data: (.*)$/m.exec(againText)?.[1] ?? "{}") as { id: string }).id;
      const onB = await resumeOn(instanceB, againId, -1);
      resumed = onB.status;
      if (resumed === 200) expect(await readText(onB.body)).toBe(againText);
      else await sleep(250);
    }
    expect(resumed).toBe(200);
  });
});
