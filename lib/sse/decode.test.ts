import { describe, expect, test, vi } from "vitest";
import { decodeSse, decodeSseBatches, type SseMessage } from "@/lib/sse/decode";

const encoder = new TextEncoder();

function bytesOf(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Cuts `bytes` at the given offsets, as a network might. */
function splitAt(bytes: Uint8Array, ...offsets: number[]): Uint8Array[] {
  const bounds = [0, ...offsets, bytes.length];
  return bounds.slice(1).map((end, index) => bytes.slice(bounds[index], end));
}

function splitEvery(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.slice(start, start + size));
  return chunks;
}

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function decodeAll(chunks: Uint8Array[]): Promise<SseMessage[]> {
  const messages: SseMessage[] = [];
  for await (const message of decodeSse(streamOf(chunks))) messages.push(message);
  return messages;
}

describe("decodeSse line endings", () => {
  const twoEvents = [
    { id: "0", event: "delta", data: '{"content":"a"}' },
    { id: "1", event: "delta", data: '{"content":"b"}' },
  ];
  const wire = (eol: string) =>
    `id: 0${eol}event: delta${eol}data: {"content":"a"}${eol}${eol}id: 1${eol}event: delta${eol}data: {"content":"b"}${eol}${eol}`;

  const twoData = twoEvents.map(({ data }) => ({ data }));

  // Each case ends right after the last event's blank line: that event must not wait for more bytes.
  test.each([
    { name: "LF", chunks: [wire("\n")], expected: twoEvents },
    { name: "CR", chunks: [wire("\r")], expected: twoEvents },
    { name: "CRLF", chunks: [wire("\r\n")], expected: twoEvents },
    {
      name: "CRLF cut between chunks",
      chunks: ['id: 0\r\nevent: delta\r\ndata: {"content":"a"}\r', '\n\r\nid: 1\r\nevent: delta\r\ndata: {"content":"b"}\r\n\r', "\n"],
      expected: twoEvents,
    },
    { name: "the blank line's CR and LF in separate chunks", chunks: ['data: {"content":"a"}\r\n', "\r", "\n", 'data: {"content":"b"}\r\n\r\n'], expected: twoData },
    { name: "CR endings with the last CR alone in the last chunk", chunks: ['data: {"content":"a"}\r\r', 'data: {"content":"b"}\r', "\r"], expected: twoData },
    { name: "mixed endings", chunks: ['data: {"content":"a"}\n\r', '\ndata: {"content":"b"}\r\r'], expected: twoData },
  ])("$name", async ({ chunks, expected }) => {
    expect(await decodeAll(chunks.map(bytesOf))).toEqual(expected);
  });

  test.each(["\n", "\r", "\r\n"])("every split point of a %j stream gives the same events", async (eol) => {
    const bytes = bytesOf(wire(eol));
    for (let offset = 1; offset < bytes.length; offset++) {
      expect(await decodeAll(splitAt(bytes, offset)), `split at byte ${offset}`).toEqual(twoEvents);
    }
  });
});

describe("decodeSse UTF-8", () => {
  const samples = [
    { name: "Japanese", text: "こんにちは、世界。" },
    { name: "Korean", text: "안녕하세요 세계" },
    { name: "emoji with ZWJ sequences", text: "👩‍👩‍👧‍👦 🧑🏽‍💻 ❤️‍🔥" },
    { name: "flags", text: "🇯🇵🇰🇷🇺🇳🏴󠁧󠁢󠁳󠁣󠁴󠁿" },
  ];

  test.each(samples)("$name cut at every byte offset comes out whole", async ({ text }) => {
    const bytes = bytesOf(`event: delta\ndata: ${text}\n\n`);
    for (let offset = 1; offset < bytes.length; offset++) {
      expect(await decodeAll(splitAt(bytes, offset)), `split at byte ${offset}`).toEqual([{ event: "delta", data: text }]);
    }
  });

  test.each(samples)("$name cut at every pair of byte offsets comes out whole", async ({ text }) => {
    const bytes = bytesOf(`data: ${text}\n\n`);
    // Two cuts can leave a chunk that holds only the middle bytes of one character.
    for (let first = 1; first < bytes.length - 1; first++) {
      for (let second = first + 1; second < bytes.length; second++) {
        expect(await decodeAll(splitAt(bytes, first, second)), `split at ${first} and ${second}`).toEqual([{ data: text }]);
      }
    }
  });

  test("a whole stream delivered one byte at a time", async () => {
    const text = 'id: 0\nevent: start\ndata: {"id":"a","model":"m"}\n\n: ping\n\nid: 1\nevent: delta\ndata: {"content":"日本語 한국어 👩‍👩‍👧‍👦 🇯🇵"}\r\n\r\ndata: [DONE]\n\n';
    expect(await decodeAll(splitEvery(bytesOf(text), 1))).toEqual([
      { id: "0", event: "start", data: '{"id":"a","model":"m"}' },
      { id: "1", event: "delta", data: '{"content":"日本語 한국어 👩‍👩‍👧‍👦 🇯🇵"}' },
      { data: "[DONE]" },
    ]);
  });
});

describe("decodeSse events", () => {
  test("a 1 MiB data event arriving in 16 KiB chunks", async () => {
    // Multi-byte characters make chunk edges fall mid-character too.
    const data = "é".repeat(256 * 1024) + "x".repeat(512 * 1024);
    const bytes = bytesOf(`event: delta\ndata: ${data}\n\n`);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    const messages = await decodeAll(splitEvery(bytes, 16 * 1024));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.data).toBe(data);
  });

  test("comments are ignored", async () => {
    const messages = await decodeAll([bytesOf(": ping\n\n:\n\ndata: a\n: ping in the middle\n\n: ping\n\n")]);
    expect(messages).toEqual([{ data: "a" }]);
  });

  test.each([
    { name: "no blank line", tail: "data: b\n" },
    { name: "a line cut off", tail: "data: b" },
    { name: "only the event name", tail: "event: delta\n" },
    { name: "a CR-ended line but no blank line", tail: "data: b\r" },
  ])("an event without its closing blank line at the end of the stream is dropped ($name)", async ({ tail }) => {
    expect(await decodeAll([bytesOf("data: a\n\n"), bytesOf(tail)])).toEqual([{ data: "a" }]);
  });

  test("data: [DONE] comes through as a plain data message", async () => {
    expect(await decodeAll([bytesOf("data: [DONE]\n\n")])).toEqual([{ data: "[DONE]" }]);
  });

  test("several events in one chunk come out in order", async () => {
    const text = Array.from({ length: 5 }, (_, index) => `id: ${index}\nevent: delta\ndata: {"content":"${index}"}\n\n`).join("");
    const messages = await decodeAll([bytesOf(text)]);
    expect(messages.map((message) => [message.id, message.data])).toEqual(
      Array.from({ length: 5 }, (_, index) => [String(index), `{"content":"${index}"}`]),
    );
  });

  test("breaking out of the loop early cancels the body (which closes the connection)", async () => {
    const cancel = vi.fn();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytesOf("data: first\n\ndata: second\n\n"));
        // Not closed: the server would go on sending.
      },
      cancel,
    });
    const seen: string[] = [];
    for await (const message of decodeSse(body)) {
      seen.push(message.data);
      break;
    }
    expect(seen).toEqual(["first"]);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(body.locked).toBe(false);
  });

  test("a body that breaks mid-stream rejects the loop with its error, after the events before it", async () => {
    const failure = new TypeError("terminated");
    const steps = [() => bytesOf("data: first\n\n"), () => failure];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = steps.shift()?.();
        if (next instanceof Uint8Array) controller.enqueue(next);
        else controller.error(next);
      },
    });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const message of decodeSse(body)) seen.push(message.data);
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual(["first"]);
  });

  test("with yieldAfterMs, a backlog is read across tasks (other tasks run in between), every message in order", async () => {
    const count = 200;
    const text = Array.from({ length: count }, (_, index) => `data: ${index}\n\n`).join("");
    const read = async (options?: { yieldAfterMs: number }) => {
      const seen: string[] = [];
      let readWhenATaskRan: number | undefined;
      setTimeout(() => (readWhenATaskRan = seen.length), 0);
      for await (const message of decodeSse(streamOf([bytesOf(text)]), options)) seen.push(message.data);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { seen, readWhenATaskRan };
    };
    const everyMessage = Array.from({ length: count }, (_, index) => String(index));
    // Without it, data already there is read in one task (each read resolves at once).
    expect(await read()).toEqual({ seen: everyMessage, readWhenATaskRan: count });
    const sliced = await read({ yieldAfterMs: 0 });
    expect(sliced.seen).toEqual(everyMessage);
    expect(sliced.readWhenATaskRan).toBeLessThan(count);
  });
});

describe("decodeSseBatches", () => {
  /** A body whose reads each return one of `chunks`, and that records its cancellation. */
  function readsOf(chunks: string[], close = true) {
    const cancel = vi.fn();
    const queue = chunks.map(bytesOf);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = queue.shift();
        if (next) controller.enqueue(next);
        else if (close) controller.close();
      },
      cancel,
    });
    return { body, cancel };
  }

  async function batchesOf(body: ReadableStream<Uint8Array>, options?: Parameters<typeof decodeSseBatches>[1]): Promise<string[][]> {
    const batches: string[][] = [];
    for await (const batch of decodeSseBatches(body, options)) batches.push(batch.map((message) => message.data));
    return batches;
  }

  test("one batch per read: the messages each read completed, in order", async () => {
    const { body } = readsOf(["data: a\n\ndata: b\n\n", "data: c\n\n"]);
    expect(await batchesOf(body)).toEqual([["a", "b"], ["c"]]);
  });

  test("a message cut across reads comes in the batch of the read that completes it; a read that completes none gives no batch", async () => {
    const { body } = readsOf(["data: a\n\ndata: b", "c\n", "\ndata: d\n\nda", "ta: e\n\n"]);
    expect(await batchesOf(body)).toEqual([["a"], ["bc", "d"], ["e"]]);
  });

  test("a character cut across reads comes out whole, in the batch that completes its message", async () => {
    const bytes = bytesOf("data: 日本語 👋🏽\n\n");
    // Cut inside the emoji's four bytes, then inside the modifier's.
    const cuts = [bytes.indexOf(0xf0) + 2, bytes.lastIndexOf(0xf0) + 1];
    const batches: string[][] = [];
    for await (const batch of decodeSseBatches(streamOf(splitAt(bytes, ...cuts)))) batches.push(batch.map((message) => message.data));
    expect(batches).toEqual([["日本語 👋🏽"]]);
  });

  test("a read holding more than maxBatch messages is handed on in parts, and with yieldAfterMs other tasks run between them", async () => {
    const text = Array.from({ length: 1000 }, (_, index) => `data: ${index}\n\n`).join("");
    const sizes: number[] = [];
    const seen: string[] = [];
    let readWhenATaskRan: number | undefined;
    setTimeout(() => (readWhenATaskRan = seen.length), 0);
    for await (const batch of decodeSseBatches(streamOf([bytesOf(text)]), { maxBatch: 256, yieldAfterMs: 0 })) {
      sizes.push(batch.length);
      seen.push(...batch.map((message) => message.data));
    }
    expect(sizes).toEqual([256, 256, 256, 232]);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, index) => String(index)));
    expect(readWhenATaskRan).toBeLessThan(1000);
  });

  test("leaving the loop in the middle of a read's parts cancels the body, and no later part comes", async () => {
    const text = Array.from({ length: 10 }, (_, index) => `data: ${index}\n\n`).join("");
    const { body, cancel } = readsOf([text], false);
    const batches: string[][] = [];
    for await (const batch of decodeSseBatches(body, { maxBatch: 4 })) {
      batches.push(batch.map((message) => message.data));
      break;
    }
    expect(batches).toEqual([["0", "1", "2", "3"]]);
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(body.locked).toBe(false);
  });
});
