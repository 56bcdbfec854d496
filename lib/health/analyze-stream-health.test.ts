import { describe, expect, it } from "vitest";
import { recordStreamHealth, type StreamHealthRecording, type TimedMessage } from "@/lib/client/stream-health";
import { analyzeStreamHealth, type CheckId } from "@/lib/health/analyze-stream-health";
import { streamHealthAdvice } from "@/lib/health/stream-health-advice";
import { utf8Probe } from "@/lib/health/stream-health-plan";
import { healthStream } from "@/lib/server/health-stream";

const hello = { interval_ms: 200, ticks: 5, heartbeats: 4 };

interface Shape {
  /** When each tick arrives; the server sent them 200 ms apart. */
  arrivals?: number[];
  heartbeats?: number;
  probe?: string | null;
  done?: boolean;
  status?: number;
  contentType?: string;
  cacheControl?: string;
  contentEncoding?: string | null;
  chunkTimes?: number[];
}

/** A recording as the browser would make it of a stream of this shape. */
function recording(shape: Shape = {}): StreamHealthRecording {
  const arrivals = shape.arrivals ?? [0, 200, 400, 600, 800];
  const last = arrivals.at(-1) ?? 0;
  const messages: TimedMessage[] = [{ atMs: 0, event: "hello", data: JSON.stringify(hello) }];
  arrivals.forEach((atMs, sequence) => messages.push({ atMs, event: "tick", id: String(sequence), data: JSON.stringify({ sequence, server_ms: sequence * 200 }) }));
  if (shape.probe !== null) messages.push({ atMs: last, event: "probe", data: JSON.stringify({ text: shape.probe ?? utf8Probe }) });
  if (shape.done !== false) messages.push({ atMs: last, data: "[DONE]" });
  return {
    status: shape.status ?? 200,
    headers: {
      contentType: shape.contentType ?? "text/event-stream; charset=utf-8",
      cacheControl: shape.cacheControl ?? "no-cache, no-transform",
      contentEncoding: shape.contentEncoding ?? null,
    },
    headersMs: 5,
    chunks: (shape.chunkTimes ?? arrivals).map((atMs) => ({ atMs, bytes: 60 })),
    messages,
    comments: Array.from({ length: shape.heartbeats ?? 4 }, (_, index) => ({ atMs: index * 200 + 100, text: " ping" })),
    endedMs: last,
  };
}

const stateOf = (report: ReturnType<typeof analyzeStreamHealth>, id: CheckId) => report.checks.find((check) => check.id === id)?.state;

describe("analyzeStreamHealth", () => {
  it("calls a stream that arrives as it was sent healthy", () => {
    const report = analyzeStreamHealth(recording({ arrivals: [3, 205, 398, 610, 801] }));
    expect(report.verdict).toBe("healthy");
    expect(report.checks.every((check) => check.state === "pass")).toBe(true);
    expect(report.ticks.map((tick) => tick.sentMs)).toEqual([0, 200, 400, 600, 800]);
    expect(report.checks.find((check) => check.id === "buffering")?.detail).toMatch(/5 ticks sent over 800 ms arrived over 798 ms, 191 ms to 212 ms apart/);
  });

  it("calls ticks that arrive together at the end buffered", () => {
    const report = analyzeStreamHealth(recording({ arrivals: [1_000, 1_000, 1_001, 1_001, 1_001] }));
    expect(report.verdict).toBe("buffered");
    expect(stateOf(report, "buffering")).toBe("fail");
    expect(report.summary).toMatch(/^Buffered/);
    // The long wait before the burst is the buffering, not a stall to report again.
    expect(stateOf(report, "stall")).toBeUndefined();
  });

  it("calls ticks let go in two bursts buffered too", () => {
    expect(analyzeStreamHealth(recording({ arrivals: [400, 401, 402, 800, 801] })).verdict).toBe("buffered");
  });

  it("warns, but stays healthy, when one tick came together with the one before", () => {
    const report = analyzeStreamHealth(recording({ arrivals: [0, 200, 410, 411, 800] }));
    expect(report.verdict).toBe("healthy");
    expect(stateOf(report, "buffering")).toBe("warn");
  });

  it("blames compression when a compressed stream is buffered, and only warns when it is not", () => {
    const buffered = analyzeStreamHealth(recording({ arrivals: [900, 900, 900, 900, 900], contentEncoding: "gzip" }));
    expect(stateOf(buffered, "compression")).toBe("fail");
    expect(buffered.checks.find((check) => check.id === "buffering")?.detail).toMatch(/compressed/);
    expect(stateOf(analyzeStreamHealth(recording({ contentEncoding: "br" })), "compression")).toBe("warn");
  });

  it("warns when Cache-Control lost no-transform", () => {
    const report = analyzeStreamHealth(recording({ cacheControl: "public, max-age=0" }));
    expect(stateOf(report, "no_transform")).toBe("warn");
    expect(report.verdict).toBe("healthy");
  });

  it("finds missing heartbeats", () => {
    const report = analyzeStreamHealth(recording({ heartbeats: 0 }));
    expect(report.verdict).toBe("broken");
    expect(report.checks.find((check) => check.id === "heartbeats")?.detail).toMatch(/^0 of 4 heartbeat comments arrived/);
  });

  it("finds a missing [DONE], and how many ticks came first", () => {
    const report = analyzeStreamHealth(recording({ arrivals: [0, 200, 400], done: false, probe: null }));
    expect(report.verdict).toBe("broken");
    expect(report.checks.find((check) => check.id === "done")?.detail).toMatch(/After 3 of 5 ticks the stream closed without \[DONE\]/);
    expect(stateOf(report, "utf8")).toBe("fail");
  });

  it("shows where UTF-8 was damaged", () => {
    const damaged = utf8Probe.replace("👋🏽", "\ufffd\ufffd🏽");
    const report = analyzeStreamHealth(recording({ probe: damaged }));
    expect(report.verdict).toBe("broken");
    expect(report.checks.find((check) => check.id === "utf8")?.detail).toMatch(/expected “👋🏽 👨‍.*”, got “\ufffd\ufffd🏽/u);
  });

  it("warns about a long silence in a stream that is not buffered", () => {
    expect(stateOf(analyzeStreamHealth(recording({ chunkTimes: [0, 200, 400, 2_000, 2_100] })), "stall")).toBe("warn");
  });

  it.each([
    [{ status: 401 }, /HTTP 401/],
    [{ contentType: "text/html; charset=utf-8" }, /Content-Type is text\/html/],
  ])("says why the check could not run (%o)", (shape, reason) => {
    const report = analyzeStreamHealth(recording(shape));
    expect(report.verdict).toBe("broken");
    expect(report.summary).toMatch(reason);
    expect(report.checks.map((check) => check.id)).toEqual(["response"]);
  });

  it("says so when the stream is not the health stream", () => {
    const report = analyzeStreamHealth({ ...recording(), messages: [{ atMs: 0, data: "hello" }] });
    expect(report.verdict).toBe("broken");
    expect(report.summary).toMatch(/not streamchat's health stream/);
  });

  it("has advice for nginx, Cloudflare and Vercel for every check that can fail", () => {
    for (const id of ["response", "compression", "buffering", "heartbeats", "done", "utf8"] as const) {
      expect(Object.keys(streamHealthAdvice[id] ?? {})).toEqual(["nginx", "Cloudflare", "Vercel"]);
    }
  });
});

describe("the health stream, recorded and judged end to end", () => {
  const plan = { intervalMs: 60, ticks: 5 };
  const direct: typeof fetch = async (_input, init) =>
    new Response(healthStream({ signal: init?.signal ?? new AbortController().signal, plan }), {
      headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform" },
    });

  /** A proxy that holds the whole body and lets it go at the end, as nginx with proxy_buffering does with small events. */
  const buffering: typeof fetch = async (input, init) => {
    const response = await direct(input, init);
    const bytes = await response.arrayBuffer();
    return new Response(bytes, { headers: response.headers });
  };

  /** A proxy that decodes each chunk on its own and encodes it again: characters cut across chunks break. */
  const chunkDecoding: typeof fetch = async (input, init) => {
    const response = await direct(input, init);
    const body = response.body?.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: (chunk, controller) => controller.enqueue(new TextEncoder().encode(new TextDecoder().decode(chunk))),
      }),
    );
    return new Response(body, { headers: response.headers });
  };

  it("is healthy when read directly", async () => {
    const report = analyzeStreamHealth(await recordStreamHealth({ fetch: direct }));
    expect(report.verdict).toBe("healthy");
    // Timing on a busy machine may merge two ticks now and then (a warning); the rest is exact.
    for (const id of ["response", "heartbeats", "done", "utf8"] as const) expect(stateOf(report, id)).toBe("pass");
  });

  it("is buffered behind a proxy that holds the body", async () => {
    expect(analyzeStreamHealth(await recordStreamHealth({ fetch: buffering })).verdict).toBe("buffered");
  });

  it("has its UTF-8 damaged behind a proxy that decodes chunk by chunk", async () => {
    const report = analyzeStreamHealth(await recordStreamHealth({ fetch: chunkDecoding }));
    expect(stateOf(report, "utf8")).toBe("fail");
    expect(stateOf(report, "buffering")).toBe("pass");
  });
});
