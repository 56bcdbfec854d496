import { describe, expect, it } from "vitest";
import { helloSchema, probeSchema, tickSchema, utf8Probe } from "@/lib/health/stream-health-plan";
import { healthStream } from "@/lib/server/health-stream";
import { decodeSse } from "@/lib/sse/decode";

const plan = { intervalMs: 40, ticks: 4 };

/** Every chunk the body yields, with when it came. */
async function readChunks(body: ReadableStream<Uint8Array>): Promise<Array<{ atMs: number; bytes: Uint8Array }>> {
  const startedAt = performance.now();
  const chunks: Array<{ atMs: number; bytes: Uint8Array }> = [];
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push({ atMs: performance.now() - startedAt, bytes: value });
  }
}

function joined(chunks: ReadonlyArray<{ bytes: Uint8Array }>): Uint8Array<ArrayBuffer> {
  return new Uint8Array(chunks.flatMap((chunk) => [...chunk.bytes]));
}

describe("healthStream", () => {
  it("sends hello, the ticks in order on the schedule, heartbeats between them, the probe, then [DONE]", async () => {
    const chunks = await readChunks(healthStream({ signal: new AbortController().signal, plan }));
    const bytes = joined(chunks);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const messages = [];
    for await (const message of decodeSse(new Response(bytes).body as ReadableStream<Uint8Array>)) messages.push(message);

    expect(messages.map((message) => message.event ?? message.data)).toEqual(["hello", "tick", "tick", "tick", "tick", "probe", "[DONE]"]);
    expect(helloSchema.parse(JSON.parse(messages[0]?.data ?? ""))).toEqual({ interval_ms: 40, ticks: 4, heartbeats: 3 });
    const ticks = messages.filter((message) => message.event === "tick").map((message) => tickSchema.parse(JSON.parse(message.data)));
    expect(ticks.map((tick) => tick.sequence)).toEqual([0, 1, 2, 3]);
    expect(messages.filter((message) => message.event === "tick").map((message) => message.id)).toEqual(["0", "1", "2", "3"]);
    ticks.forEach((tick) => expect(tick.server_ms).toBeGreaterThanOrEqual(tick.sequence * plan.intervalMs - 1));
    expect(probeSchema.parse(JSON.parse(messages[5]?.data ?? "")).text).toBe(utf8Probe);
    expect(text.match(/^: ping$/gm)).toHaveLength(3);
    expect(chunks.at(-1)?.atMs).toBeGreaterThanOrEqual(3 * plan.intervalMs - 1);
  });

  it("cuts the probe's bytes across two chunks in the middle of a character", async () => {
    const chunks = await readChunks(healthStream({ signal: new AbortController().signal, plan }));
    const strict = new TextDecoder("utf-8", { fatal: true });
    const broken = chunks.filter((chunk) => {
      try {
        strict.decode(chunk.bytes);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toHaveLength(2);
  });

  it("stops writing as soon as the client goes away", async () => {
    const client = new AbortController();
    const reader = healthStream({ signal: client.signal, plan: { intervalMs: 30, ticks: 100 } }).getReader();
    await reader.read();
    client.abort();
    let after = 0;
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      after += 1;
    }
    expect(after).toBeLessThanOrEqual(1);
  });
});
