import { describe, expect, test } from "vitest";
import { ChatClientError } from "@/lib/client/chat-client-error";
import { completeChat, eventsOf, streamChat, type IdentifiedEvent } from "@/lib/client/chat-stream";
import { contentOf, done, drain, encoder, eventStreamHeaders, fakeServer, request, sseResponse, sseText, wire } from "@/lib/client/testing/fake-chat-server";

describe("streamChat", () => {
  const answer = "日本語と한국어, 👩‍👩‍👧‍👦🇯🇵\nline two\r\n\"quoted\" \\ done";
  const fullStream =
    wire(0, "start", { id: "chat-1", model: "gpt-test" }) +
    wire(1, "delta", { content: answer.slice(0, 7) }) +
    ": ping\n\n" +
    wire(2, "delta", { content: answer.slice(7) }) +
    wire(3, "usage", { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 }) +
    wire(4, "finish", { finish_reason: "stop" }) +
    done;

  test("yields typed events in order and ends at [DONE]", async () => {
    const server = sseText(fullStream + wire(5, "delta", { content: "after done" }));
    const { events, error } = await drain(streamChat(request, { fetch: server.fetch }));
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: "start", id: "chat-1", model: "gpt-test" },
      { type: "delta", content: answer.slice(0, 7) },
      { type: "delta", content: answer.slice(7) },
      { type: "usage", prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 },
      { type: "finish", finish_reason: "stop" },
    ]);
  });

  test.each([1, 2, 3, 5, 7])("the deltas concatenate exactly when the body comes in %i-byte chunks", async (chunkSize) => {
    const { events, error } = await drain(streamChat(request, { fetch: sseText(fullStream, chunkSize).fetch }));
    expect(error).toBeUndefined();
    expect(contentOf(events)).toBe(answer);
  });

  test("sends the request as JSON with stream: true to /api/chat", async () => {
    const server = sseText(done);
    await drain(streamChat({ ...request, temperature: 0.3, stream: false }, { fetch: server.fetch }));
    expect(server.sent).toEqual([{ url: "/api/chat", method: "POST", contentType: "application/json", body: { ...request, temperature: 0.3, stream: true } }]);
  });

  test("skips events it does not know, and events that break the schema", async () => {
    const text = wire(0, "citation", { content: "hmm" }) + wire(1, "delta", { content: "Hi" }) + wire(2, "delta", { text: "wrong field" }) + done;
    const { events, error } = await drain(streamChat(request, { fetch: sseText(text).fetch }));
    expect(error).toBeUndefined();
    expect(events).toEqual([{ type: "delta", content: "Hi" }]);
  });

  test("yields a protocol error event as an event (the deltas before it stand)", async () => {
    const error = { code: "rate_limited", message: "The model is busy.", retryable: true, retry_after: 4 };
    const text = wire(0, "delta", { content: "Part" }) + wire(1, "error", error) + done;
    const result = await drain(streamChat(request, { fetch: sseText(text).fetch }));
    expect(result.error).toBeUndefined();
    expect(result.events).toEqual([{ type: "delta", content: "Part" }, { type: "error", ...error }]);
  });

  test("a stream that ends without [DONE] throws connection_lost after yielding what came", async () => {
    const text = wire(0, "start", { id: "chat-1", model: "m" }) + wire(1, "delta", { content: "Half an " }) + wire(2, "delta", { content: "answer" });
    const { events, error } = await drain(streamChat(request, { fetch: sseText(text).fetch }));
    expect(contentOf(events)).toBe("Half an answer");
    expect(error).toBeInstanceOf(ChatClientError);
    expect(error).toMatchObject({ code: "connection_lost", retryable: true });
  });

  test("a body that breaks mid-stream throws connection_lost, keeping the cause", async () => {
    const cause = new TypeError("terminated");
    // The first read gets a delta; the second fails, as when the socket closes.
    const reads = [() => encoder.encode(wire(0, "delta", { content: "So far" })), () => cause];
    const server = fakeServer(() => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = reads.shift()?.();
          if (next instanceof Uint8Array) controller.enqueue(next);
          else controller.error(next);
        },
      });
      return new Response(body, { headers: eventStreamHeaders });
    });
    const { events, error } = await drain(streamChat(request, { fetch: server.fetch }));
    expect(contentOf(events)).toBe("So far");
    expect(error).toMatchObject({ name: "ChatClientError", code: "connection_lost", retryable: true, cause });
  });

  test("a 200 that is not an event stream is bad_response", async () => {
    const server = fakeServer(() => new Response("<html>login</html>", { headers: { "Content-Type": "text/html" } }));
    const { error } = await drain(streamChat(request, { fetch: server.fetch }));
    expect(error).toMatchObject({ name: "ChatClientError", code: "bad_response" });
  });
});

describe("eventsOf", () => {
  /** The batches eventsOf yields for a body made of these reads, as [type, id] pairs, and how it ended. */
  async function batchesOf(reads: string[]) {
    const batches: Array<Array<[string, string | undefined]>> = [];
    let error: unknown;
    try {
      for await (const batch of eventsOf(sseResponse(reads.map((read) => encoder.encode(read)), undefined))) {
        batches.push(batch.map(({ event, id }: IdentifiedEvent) => [event.type, id]));
      }
    } catch (caught) {
      error = caught;
    }
    return { batches, error };
  }

  test("yields the events of one read as one batch, an event cut across reads with the read that completes it", async () => {
    const reads = [wire(0, "start", { id: "a", model: "m" }) + wire(1, "delta", { content: "日本" }).slice(0, 20), wire(1, "delta", { content: "日本" }).slice(20) + wire(2, "delta", { content: "語" }), wire(3, "finish", { finish_reason: "stop" }) + done];
    expect(await batchesOf(reads)).toEqual({
      batches: [[["start", "0"]], [["delta", "1"], ["delta", "2"]], [["finish", "3"]]],
      error: undefined,
    });
  });

  test("an error event after deltas in one read comes in order, in their batch", async () => {
    const error = { code: "upstream_error", message: "The model failed.", retryable: true };
    const read = wire(0, "delta", { content: "Half" }) + wire(1, "delta", { content: " an" }) + wire(2, "error", error) + done;
    expect((await batchesOf([read])).batches).toEqual([[["delta", "0"], ["delta", "1"], ["error", "2"]]]);
  });

  test("ends at [DONE] with the events before it in its batch; a read of unknown events only gives no batch", async () => {
    const reads = [wire(0, "citation", { content: "hmm" }), wire(1, "delta", { content: "Hi" }) + done + wire(2, "delta", { content: "after done" })];
    expect(await batchesOf(reads)).toEqual({ batches: [[["delta", "1"]]], error: undefined });
  });

  test("a body that ends mid-event throws connection_lost after the batches before it", async () => {
    const { batches, error } = await batchesOf([wire(0, "delta", { content: "So far" }) + wire(1, "delta", { content: "cut" }).slice(0, 15)]);
    expect(batches).toEqual([[["delta", "0"]]]);
    expect(error).toMatchObject({ code: "connection_lost" });
  });
});

describe("completeChat", () => {
  test("sends stream: false and returns the whole answer", async () => {
    const answer = { id: "chat-2", model: "gpt-test", content: "The whole answer 日本語", finish_reason: "stop", usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } };
    const server = fakeServer(() => Response.json(answer));
    expect(await completeChat({ ...request, stream: true }, { fetch: server.fetch, endpoint: "/chat-endpoint" })).toEqual(answer);
    expect(server.sent).toEqual([{ url: "/chat-endpoint", method: "POST", contentType: "application/json", body: { ...request, stream: false } }]);
  });
});
