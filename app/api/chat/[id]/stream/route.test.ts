import { afterEach, describe, expect, test, vi } from "vitest";
import { chatRequest, readText, userMessage, withMockProviderEnvironment } from "@/lib/server/test-support";

type Instance = {
  chat: typeof import("@/lib/testing/chat-route");
  stream: typeof import("@/app/api/chat/[id]/stream/route");
};

/** A fresh server (its own memory), with the environment as stubbed now. */
async function startInstance(): Promise<Instance> {
  vi.resetModules();
  return { chat: await import("@/lib/testing/chat-route"), stream: await import("@/app/api/chat/[id]/stream/route") };
}

function resume(instance: Instance, id: string, { after, lastEventId, headers = {} }: { after?: string; lastEventId?: string; headers?: Record<string, string> } = {}) {
  const url = `http://app.test/api/chat/${id}/stream${after === undefined ? "" : `?after=${after}`}`;
  const allHeaders = { ...headers, ...(lastEventId === undefined ? {} : { "Last-Event-ID": lastEventId }) };
  return instance.stream.GET(new Request(url, { headers: allHeaders }), { params: Promise.resolve({ id }) });
}

/** Asks for an answer and reads it whole; its id and its bytes. */
async function answer(instance: Instance, prompt: string, resumable: boolean, headers: Record<string, string> = {}) {
  const response = await instance.chat.POST(chatRequest({ messages: userMessage(prompt), resumable }, headers));
  expect(response.status).toBe(200);
  const text = await readText(response.body);
  const id = (JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? "{}") as { id: string }).id;
  return { id, text };
}

/** The text from the first event with an id greater than `after`. */
const textAfter = (text: string, after: number) => text.slice(text.indexOf(`id: ${after + 1}\n`));

withMockProviderEnvironment({ REDIS_URL: "", CHAT_ACCESS_CODES: "" });

// The server reads its configuration at its first request: each test's settings stay until it ends.
afterEach(() => {
  for (const name of ["CHAT_HEARTBEAT_MS", "CHAT_ACCESS_CODES", "CHAT_SESSION_SECRET", "CHAT_RATE_LIMIT"]) vi.stubEnv(name, "");
});

describe("GET /api/chat/{id}/stream", () => {
  test("replays the same ids and bytes from Last-Event-ID; the header wins over ?after=; without either, from the first event", async () => {
    const instance = await startInstance();
    const first = await answer(instance, "mock:multilingual", true);

    const fromStart = await resume(instance, first.id);
    expect(fromStart.status).toBe(200);
    expect(fromStart.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(fromStart.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(await readText(fromStart.body)).toBe(first.text);

    expect(await readText((await resume(instance, first.id, { after: "3" })).body)).toBe(textAfter(first.text, 3));
    expect(await readText((await resume(instance, first.id, { lastEventId: "5", after: "2" })).body)).toBe(textAfter(first.text, 5));
  });

  test("204: unknown id, an answer that was not resumable, an ended answer with nothing after Last-Event-ID", async () => {
    const instance = await startInstance();
    const resumable = await answer(instance, "hello", true);
    const plain = await answer(instance, "hello", false);
    const lastId = Number([...resumable.text.matchAll(/^id: (\d+)$/gm)].at(-1)?.[1]);

    for (const response of [
      await resume(instance, "no-such-answer"),
      await resume(instance, "x".repeat(500)),
      await resume(instance, plain.id),
      await resume(instance, resumable.id, { lastEventId: String(lastId) }),
    ]) {
      expect(response.status).toBe(204);
      expect(await response.text()).toBe("");
    }
    // One before the last: the last event and [DONE].
    expect(await readText((await resume(instance, resumable.id, { lastEventId: String(lastId - 1) })).body)).toBe(textAfter(resumable.text, lastId - 1));
  });

  test("400 for a position that is not an event id", async () => {
    const instance = await startInstance();
    for (const position of [{ lastEventId: "abc" }, { after: "1.5" }, { after: "-7" }]) {
      const response = await resume(instance, "any", position);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
    }
  });

  test("a live follower gets pings while the model is silent, then the rest", async () => {
    vi.stubEnv("CHAT_HEARTBEAT_MS", "100");
    const instance = await startInstance();
    const response = await instance.chat.POST(chatRequest({ messages: userMessage("mock:paced tokens=3 first=500"), resumable: true }));
    const reader = response.body?.getReader();
    const firstChunk = new TextDecoder().decode((await reader?.read())?.value);
    const id = (JSON.parse(/^data: (.*)$/m.exec(firstChunk)?.[1] ?? "{}") as { id: string }).id;
    const followed = await readText((await resume(instance, id, { lastEventId: "0" })).body);
    expect(followed.startsWith(": ping\n\n")).toBe(true);
    expect(followed.replaceAll(": ping\n\n", "")).toMatch(/^id: 1\nevent: delta\n[\s\S]*event: finish\n.*\n\ndata: \[DONE\]\n\n$/);
    await reader?.cancel();
  });

  test("with access codes: 401 without access, 403 from another site, 200 with a bearer code; resumes are not rate limited", async () => {
    vi.stubEnv("CHAT_ACCESS_CODES", "open-sesame");
    vi.stubEnv("CHAT_SESSION_SECRET", "a-long-enough-test-secret");
    vi.stubEnv("CHAT_RATE_LIMIT", "2");
    const instance = await startInstance();
    const bearer = { Authorization: "Bearer open-sesame" };
    const first = await answer(instance, "hello", true, bearer);

    expect((await resume(instance, first.id)).status).toBe(401);
    expect((await resume(instance, first.id, { headers: { ...bearer, Origin: "https://elsewhere.example" } })).status).toBe(403);
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await resume(instance, first.id, { headers: bearer });
      expect(response.status).toBe(200);
      expect(await readText(response.body)).toBe(first.text);
    }
    // The second answer of the minute is still allowed: the resumes did not count.
    expect((await instance.chat.POST(chatRequest({ messages: userMessage("hello") }, bearer))).status).toBe(200);
  });
});
