import { describe, expect, it } from "vitest";
import { pacedTokens } from "@/mock/scenarios";
import { followAnswer } from "@/lib/server/follow-answer";
import { deltaText, eventsOf, onlyOutcomeOf, readSseMessages, readText, relayFrom, sleep, waitFor, withMockUpstream } from "@/lib/server/test-support";
import type { AnswerFollower } from "@/lib/shared-state/answer-log";
import { MemoryAnswerLog } from "@/lib/shared-state/memory-answer-log";
import { decodeSse, type SseMessage } from "@/lib/sse/decode";

const upstream = withMockUpstream();

const lastRequest = () => {
  const record = upstream.mock.requests.at(-1);
  if (!record) throw new Error("the mock received no request");
  return record;
};

/** Reads the client's body until `deltas` deltas have come, then leaves (as a closed tab does); the text it got. */
async function leaveAfter(body: ReadableStream<Uint8Array>, deltas: number): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let received = "";
  while ((received.match(/event: delta/g) ?? []).length < deltas) {
    const { done, value } = await reader.read();
    if (done) throw new Error(`the stream ended before ${deltas} deltas`);
    received += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return received;
}

const lastIdIn = (text: string) => Number([...text.matchAll(/^id: (\d+)$/gm)].at(-1)?.[1] ?? -1);

/** A follower's whole stream, as a client of `GET /api/chat/{id}/stream` reads it. */
async function followToEnd(follower: AnswerFollower | undefined): Promise<string> {
  if (!follower) throw new Error("the answer could not be followed");
  return readText(followAnswer(follower, 15_000, new AbortController().signal));
}

async function messagesOf(text: string): Promise<SseMessage[]> {
  return readSseMessages(new Response(text).body);
}

describe("a resumable answer", () => {
  it("logs exactly the bytes its client got: same ids, same text, and [DONE] at the end", async () => {
    const log = new MemoryAnswerLog();
    const { id, body } = relayFrom(upstream.mock.baseUrl, "mock:multilingual", { resume: { log, graceMs: 1_000 } });
    const sent = await readText(body);
    expect(await followToEnd(await log.follow(id, -1))).toBe(sent);
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "success", resumes: 0 });
  });

  it("goes on when its client leaves; a client that re-attaches within the grace period gets the rest to the end", async () => {
    const log = new MemoryAnswerLog();
    const { id, body } = relayFrom(upstream.mock.baseUrl, "mock:paced tokens=60 interval=10", { resume: { log, graceMs: 2_000 } });
    const before = await leaveAfter(body, 3);
    await sleep(100);
    const after = await followToEnd(await log.follow(id, lastIdIn(before)));

    const messages = await messagesOf(before + after);
    const withIds = messages.slice(0, -1);
    expect(withIds.map((message) => message.id)).toEqual(withIds.map((_, index) => String(index)));
    expect(deltaText(eventsOf(messages))).toBe(pacedTokens(60).join(""));
    expect(eventsOf(messages).at(-1)).toEqual({ type: "finish", finish_reason: "stop" });
    expect(lastRequest().closedByClient).toBe(false);
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "success", resumes: 1, deltas: 60 });
  });

  it("with nobody back within the grace period: the upstream is aborted, later resumes end with finish cancelled", async () => {
    const log = new MemoryAnswerLog();
    const { id, body } = relayFrom(upstream.mock.baseUrl, "mock:paced tokens=300 interval=20", { resume: { log, graceMs: 300 } });
    await leaveAfter(body, 3);
    await sleep(150);
    expect(lastRequest().closedByClient).toBe(false);
    await waitFor(() => lastRequest().closedByClient, "the upstream to be aborted", 1_000);
    expect(lastRequest().tokensSent).toBeLessThan(300);

    const messages = await messagesOf(await followToEnd(await log.follow(id, -1)));
    expect(eventsOf(messages).at(-1)).toEqual({ type: "finish", finish_reason: "cancelled" });
    expect(messages.at(-1)?.data).toBe("[DONE]");
    const outcome = await onlyOutcomeOf(upstream.outcomes, id);
    expect(outcome).toMatchObject({ outcome: "client_disconnected_while_streaming", resumes: 0 });
    expect(outcome.error).toBeUndefined();
  });

  it("when every follower leaves again, the grace period starts again", async () => {
    const log = new MemoryAnswerLog();
    const { id, body } = relayFrom(upstream.mock.baseUrl, "mock:paced tokens=300 interval=20", { resume: { log, graceMs: 300 } });
    await leaveAfter(body, 2);
    const follower = await log.follow(id, -1);
    await sleep(500);
    expect(lastRequest().closedByClient).toBe(false);
    follower?.close();
    await sleep(150);
    expect(lastRequest().closedByClient).toBe(false);
    await waitFor(() => lastRequest().closedByClient, "the upstream to be aborted", 1_000);
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "client_disconnected_while_streaming", resumes: 1 });
  });

  it("cancelled: every follower gets finish cancelled and [DONE]; the outcome is cancelled", async () => {
    const log = new MemoryAnswerLog();
    const cancel = new AbortController();
    const { id, body } = relayFrom(upstream.mock.baseUrl, "mock:paced tokens=300 interval=20", {
      resume: { log, graceMs: 1_000 },
      cancelSignal: cancel.signal,
    });
    const client = readText(body);
    const followers = [followToEnd(await log.follow(id, -1)), followToEnd(await log.follow(id, 0))];
    await waitFor(() => (upstream.mock.requests.at(-1)?.tokensSent ?? 0) >= 3, "three tokens");
    cancel.abort();
    for (const text of [await client, ...(await Promise.all(followers))]) {
      const messages = await messagesOf(text);
      expect(eventsOf(messages).at(-1)).toEqual({ type: "finish", finish_reason: "cancelled" });
      expect(messages.at(-1)?.data).toBe("[DONE]");
    }
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "cancelled", resumes: 2 });
  });

  it("a follower that attached before its client left keeps the answer going: no grace period while someone follows", async () => {
    const log = new MemoryAnswerLog();
    const { id, body } = relayFrom(upstream.mock.baseUrl, "mock:paced tokens=40 interval=10", { resume: { log, graceMs: 50 } });
    const follower = log.follow(id, -1);
    await leaveAfter(body, 2);
    const messages: SseMessage[] = [];
    const followed = await follower;
    if (!followed) throw new Error("the answer could not be followed");
    for await (const message of decodeSse(followAnswer(followed, 15_000, new AbortController().signal))) messages.push(message);
    expect(deltaText(eventsOf(messages))).toBe(pacedTokens(40).join(""));
    expect(await onlyOutcomeOf(upstream.outcomes, id)).toMatchObject({ outcome: "success", resumes: 1 });
  });
});

describe("a non-resumable answer", () => {
  it("is not logged, and has no resumes in its outcome", async () => {
    const { id, body } = relayFrom(upstream.mock.baseUrl, "hello");
    await readText(body);
    expect((await onlyOutcomeOf(upstream.outcomes, id)).resumes).toBeUndefined();
  });
});
