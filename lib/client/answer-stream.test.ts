import { describe, expect, test, vi } from "vitest";
import { streamAnswer, type AnswerSource, type AnswerUpdate } from "@/lib/client/answer-stream";
import type { Connectivity } from "@/lib/client/reconnect-wait";
import { done, encoder, eventStreamHeaders, fakeServer, request, sseResponse, wire } from "@/lib/client/testing/fake-chat-server";

const start = wire(0, "start", { id: "answer-1", model: "m" });
const deltas = ["Token 0. ", "Token 1. ", "日本語 👋🏽 ", "Token 3."];
const deltaWire = (index: number) => wire(index + 1, "delta", { content: deltas[index] });
const finish = wire(5, "finish", { finish_reason: "stop" });

/** The server's answers, one per request in order: SSE text (closed without [DONE] unless it has it), a status, or a refused connection. */
type Reply = string | number | "refused" | "open";

function scriptedServer(replies: Reply[]) {
  return fakeServer((signal) => {
    const reply = replies.shift();
    if (reply === undefined) throw new Error("the client asked more often than the test expected");
    if (reply === "refused") throw new TypeError("Failed to fetch");
    if (reply === "open") return sseResponse([encoder.encode(start + deltaWire(0))], signal, false);
    if (typeof reply === "number") return new Response(reply === 204 ? null : JSON.stringify({ error: { code: "x", message: "x" } }), { status: reply });
    return sseResponse([encoder.encode(reply)], signal);
  });
}

function fakeConnectivity() {
  let online = true;
  const listeners = new Set<(online: boolean) => void>();
  const connectivity: Connectivity & { set(value: boolean): void } = {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(value) {
      online = value;
      for (const listener of [...listeners]) listener(value);
    },
  };
  return connectivity;
}

/** Runs the stream with a fake clock that the waits move on; returns what it yielded, the waits, and how it ended. */
async function run(source: AnswerSource, replies: Reply[], extra: { connectivity?: Connectivity; onUpdate?(update: AnswerUpdate): void } = {}) {
  const server = scriptedServer(replies);
  const waits: number[] = [];
  let time = 0;
  const batches: AnswerUpdate[][] = [];
  const updates: AnswerUpdate[] = [];
  let error: unknown;
  try {
    for await (const batch of streamAnswer(source, {
      fetch: server.fetch,
      connectivity: extra.connectivity ?? fakeConnectivity(),
      now: () => time,
      wait: async (ms) => {
        waits.push(ms);
        time += ms;
      },
      giveUpAfterMs: 40_000,
    })) {
      batches.push(batch);
      for (const update of batch) {
        updates.push(update);
        extra.onUpdate?.(update);
      }
    }
  } catch (caught) {
    error = caught;
  }
  const text = updates.map((update) => (update.type === "delta" ? update.content : "")).join("");
  return { batches, updates, text, waits, error, sent: server.sent, kinds: updates.map((update) => update.type) };
}

describe("streamAnswer", () => {
  test("asks for a resumable answer and yields each event with its id", async () => {
    const result = await run({ request }, [start + deltaWire(0) + finish + done]);
    expect(result.error).toBeUndefined();
    expect(result.sent).toEqual([{ url: "/api/chat", method: "POST", contentType: "application/json", body: { ...request, stream: true, resumable: true } }]);
    expect(result.updates).toEqual([
      { type: "start", id: "answer-1", model: "m", eventId: "0" },
      { type: "delta", content: "Token 0. ", eventId: "1" },
      { type: "finish", finish_reason: "stop", eventId: "5" },
    ]);
  });

  test("yields the new events of one read as one batch, leaving out those it already has", async () => {
    const replay = start + deltaWire(0) + deltaWire(1) + deltaWire(2) + deltaWire(3) + finish + done;
    const result = await run({ request }, [start + deltaWire(0) + deltaWire(1), replay]);
    expect(result.batches.map((batch) => batch.map((update) => update.type))).toEqual([
      ["start", "delta", "delta"],
      ["reconnecting"],
      ["resumed"],
      ["delta", "delta", "finish"],
    ]);
    expect(result.batches.at(-1)?.map((update) => ("eventId" in update ? update.eventId : undefined))).toEqual(["3", "4", "5"]);
  });

  test("Stop while a read's events are handed on in parts: no later part comes, and the body is cancelled", async () => {
    const controller = new AbortController();
    const cancel = vi.fn();
    // More events than one batch holds, all in one read, and the server still sending.
    const many = start + Array.from({ length: 600 }, (_, index) => wire(index + 1, "delta", { content: "x" })).join("");
    const server = fakeServer(() => new Response(new ReadableStream<Uint8Array>({ start: (stream) => stream.enqueue(encoder.encode(many)), cancel }), { headers: eventStreamHeaders }));
    const sizes: number[] = [];
    const reading = (async () => {
      for await (const batch of streamAnswer({ request }, { fetch: server.fetch, signal: controller.signal, connectivity: fakeConnectivity() })) {
        sizes.push(batch.length);
        controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
    expect(sizes).toEqual([256]);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(server.sent).toHaveLength(1);
  });

  test("a body that ends before [DONE] is resumed after 0.5 s with Last-Event-ID, and the answer comes whole", async () => {
    const result = await run({ request }, [start + deltaWire(0) + deltaWire(1), deltaWire(2) + deltaWire(3) + finish + done]);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(deltas.join(""));
    expect(result.kinds).toEqual(["start", "delta", "delta", "reconnecting", "resumed", "delta", "delta", "finish"]);
    expect(result.waits).toEqual([500]);
    expect(result.sent[1]).toMatchObject({ url: "/api/chat/answer-1/stream", method: undefined, lastEventId: "2" });
  });

  test("events the client already has are never shown twice, even if a server sends them again", async () => {
    const replay = start + deltaWire(0) + deltaWire(1) + deltaWire(2) + deltaWire(3) + finish + done;
    const result = await run({ request }, [start + deltaWire(0) + deltaWire(1), replay]);
    expect(result.text).toBe(deltas.join(""));
    expect(result.updates.filter((update) => update.type === "start")).toHaveLength(1);
  });

  test("backs off 0.5, 1, 2, 4, 8, 8 s while the server cannot be reached, then goes on where it was", async () => {
    const result = await run({ request }, [start + deltaWire(0), "refused", 503, "refused", "refused", "refused", deltaWire(1) + deltaWire(2) + deltaWire(3) + finish + done]);
    expect(result.error).toBeUndefined();
    expect(result.waits).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(result.text).toBe(deltas.join(""));
    expect(result.sent.slice(1).every((sent) => sent.lastEventId === "1")).toBe(true);
  });

  test("gives up with reconnect_failed once the server's grace period is surely over", async () => {
    const result = await run({ request }, [start + deltaWire(0), ...Array<Reply>(12).fill("refused")]);
    expect(result.text).toBe("Token 0. ");
    expect(result.error).toMatchObject({ name: "ChatClientError", code: "reconnect_failed", retryable: true });
    expect(result.waits.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(40_000);
    expect(result.waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThan(50_000);
  });

  test("204 for an answer whose end never came: asked twice more, then answer_gone, the text so far kept", async () => {
    const result = await run({ request }, [start + deltaWire(0), 204, 204, 204]);
    expect(result.text).toBe("Token 0. ");
    expect(result.error).toMatchObject({ code: "answer_gone", retryable: true });
    expect(result.sent).toHaveLength(4);
  });

  test("204 from an instance without the answer, then the one that has it: the whole answer", async () => {
    // Begun while Redis was down, the answer is resumable on its own instance only; the first resume reached another.
    const result = await run({ request }, [start + deltaWire(0), 204, deltaWire(1) + deltaWire(2) + deltaWire(3) + finish + done]);
    expect(result.error).toBeUndefined();
    expect(result.text).toBe(deltas.join(""));
    expect(result.sent.slice(1).map((sent) => sent.lastEventId)).toEqual(["1", "1"]);
  });

  test("204 after the finish came (only [DONE] was lost): the answer simply ends", async () => {
    const result = await run({ request }, [start + deltaWire(0) + finish, 204]);
    expect(result.error).toBeUndefined();
    expect(result.kinds.at(-1)).toBe("reconnecting");
  });

  test("resumes a saved answer (after a reload) from its last event id, without asking anew", async () => {
    const result = await run({ answerId: "answer-1", lastEventId: "2" }, [deltaWire(2) + deltaWire(3) + finish + done]);
    expect(result.sent).toEqual([{ url: "/api/chat/answer-1/stream", method: undefined, contentType: null, body: undefined, lastEventId: "2" }]);
    expect(result.text).toBe(deltas.slice(2).join(""));
    expect(result.waits).toEqual([]);
  });

  test("a saved answer the server no longer has, or one that ended with nothing after: answer_gone or a quiet end", async () => {
    expect((await run({ answerId: "answer-1", lastEventId: "2" }, [204, 204, 204])).error).toMatchObject({ code: "answer_gone" });
    expect((await run({ answerId: "answer-1", lastEventId: "5", ended: true }, [204])).error).toBeUndefined();
  });

  test("going offline drops the connection at once; coming back online resumes", async () => {
    const connectivity = fakeConnectivity();
    const result = await run({ request }, ["open", deltaWire(1) + deltaWire(2) + deltaWire(3) + finish + done], {
      connectivity,
      onUpdate(update) {
        if (update.type === "delta" && update.eventId === "1") connectivity.set(false);
        if (update.type === "reconnecting") connectivity.set(true);
      },
    });
    expect(result.error).toBeUndefined();
    expect(result.kinds).toEqual(["start", "delta", "reconnecting", "resumed", "delta", "delta", "delta", "finish"]);
    expect(result.text).toBe(deltas.join(""));
  });

  test("a connection lost before the start event cannot be resumed: connection_lost, no resume asked", async () => {
    const result = await run({ request }, [wire(0, "citation", {})]);
    expect(result.error).toMatchObject({ code: "connection_lost" });
    expect(result.sent).toHaveLength(1);
  });

  test("a refusal while resuming (401) is thrown as it is", async () => {
    const result = await run({ answerId: "answer-1", lastEventId: "1" }, [401]);
    expect(result.error).toMatchObject({ code: "x", retryable: false });
  });

  test("aborting while it waits to reconnect (Stop) throws the AbortError", async () => {
    const controller = new AbortController();
    const server = scriptedServer([start + deltaWire(0)]);
    const updates: string[] = [];
    const reading = (async () => {
      for await (const batch of streamAnswer({ request }, {
        fetch: server.fetch,
        signal: controller.signal,
        // The real wait (0.5 s here), which Stop must cut short.
        connectivity: fakeConnectivity(),
      })) {
        for (const update of batch) {
          updates.push(update.type);
          if (update.type === "reconnecting") controller.abort();
        }
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: "AbortError" });
    expect(updates).toEqual(["start", "delta", "reconnecting"]);
  });
});
