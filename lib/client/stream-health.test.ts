import { describe, expect, it } from "vitest";
import { recordStreamHealth } from "@/lib/client/stream-health";

const encoder = new TextEncoder();

/** A fetch that answers these chunks, advancing the injected clock by 100 ms before each. */
function scripted(chunks: Array<Uint8Array | Error>, init: ResponseInit = { headers: { "Content-Type": "text/event-stream" } }) {
  let time = 0;
  const now = () => time;
  const fetchFunction: typeof fetch = async (_input, requestInit) => {
    requestInit?.signal?.throwIfAborted();
    time = 10;
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++];
        time += 100;
        if (chunk === undefined) controller.close();
        else if (chunk instanceof Error) controller.error(chunk);
        else controller.enqueue(chunk);
      },
    }, { highWaterMark: 0 });
    return new Response(body, init);
  };
  return { fetch: fetchFunction, now };
}

describe("recordStreamHealth", () => {
  it("notes when each chunk, message and comment arrived, and decodes a character cut across chunks whole", async () => {
    const bytes = encoder.encode('event: probe\ndata: {"text":"🎉"}\n\n');
    const cut = bytes.indexOf(0xf0) + 2;
    const { fetch, now } = scripted([encoder.encode("event: tick\ndata: 1\n\n: ping\n\n"), bytes.slice(0, cut), bytes.slice(cut), encoder.encode("data: [DONE]\n\n")]);
    const recording = await recordStreamHealth({ fetch, now });
    expect(recording.status).toBe(200);
    expect(recording.headersMs).toBe(10);
    expect(recording.chunks.map((chunk) => chunk.atMs)).toEqual([110, 210, 310, 410]);
    expect(recording.messages).toEqual([
      { atMs: 110, event: "tick", id: undefined, data: "1" },
      { atMs: 310, event: "probe", id: undefined, data: '{"text":"🎉"}' },
      { atMs: 410, event: undefined, id: undefined, data: "[DONE]" },
    ]);
    expect(recording.comments).toEqual([{ atMs: 110, text: "ping" }]);
    expect(recording.endedMs).toBe(510);
    expect(recording.broken).toBeUndefined();
  });

  it("reads no body from an answer that is not 200", async () => {
    const { fetch, now } = scripted([encoder.encode("data: x\n\n")], { status: 401 });
    const recording = await recordStreamHealth({ fetch, now });
    expect(recording.status).toBe(401);
    expect(recording.messages).toEqual([]);
  });

  it("says when the body broke before its end", async () => {
    const { fetch, now } = scripted([encoder.encode("event: tick\ndata: 1\n\n"), new Error("network gone")]);
    const recording = await recordStreamHealth({ fetch, now });
    expect(recording.messages).toHaveLength(1);
    expect(recording.broken).toBe("network gone");
  });

  it("rejects when aborted", async () => {
    const { fetch, now } = scripted([]);
    const abort = new AbortController();
    abort.abort();
    await expect(recordStreamHealth({ fetch, now, signal: abort.signal })).rejects.toThrow();
  });
});
