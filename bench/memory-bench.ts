import http from "node:http";
import { streamTarget, type Load, type TargetName } from "./relay-load";
import { startApp, type RunningServer } from "./servers";

/** Memory each held stream costs a target, for a short conversation and for one with a long earlier message. */
export interface MemoryFigures {
  target: TargetName;
  streams: number;
  /** KiB of heap (and external memory: Buffers) per stream after a full GC, by conversation. */
  perStreamKiB: { short: number; long: number };
}

export const longHistoryCharacters = 20_000;
/** A first token at once, the next a minute later: the stream stays open, mid-answer, while it is measured. */
const held: Load = { streams: 1, tokens: 3, intervalMs: 60_000, firstTokenMs: 10, arrivals: { mode: "burst" } };

async function heapBytes(origin: string): Promise<number> {
  const response = await fetch(`${origin}/api/bench/heap`);
  if (!response.ok) throw new Error(`${origin}/api/bench/heap: ${response.status} ${await response.text()}`);
  const usage = (await response.json()) as NodeJS.MemoryUsage;
  return usage.heapUsed + usage.external;
}

/** Opens one stream and resolves once its first token has arrived, with the request (to end it). */
function openStream(target: TargetName, origin: string, tag: string, history: string | undefined): Promise<http.ClientRequest> {
  const { url, body } = streamTarget(target, origin, held, tag, {}, history);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent: false, headers: { "Content-Type": "application/json" } }, (response) => {
      let seen = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => {
        seen += text;
        // The stamped token carries its tag: the stream is mid-answer.
        if (seen.includes(`«${tag}:0:`)) resolve(request);
      });
      response.once("end", () => reject(new Error(`${tag}: the stream ended before its first token: ${seen.slice(0, 200)}`)));
    });
    request.once("error", reject);
    request.end(body);
  });
}

async function openMany(target: TargetName, origin: string, count: number, label: string, history?: string): Promise<http.ClientRequest[]> {
  const requests: http.ClientRequest[] = [];
  // 50 at a time: the measure is memory per stream held, not a burst.
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, (_, index) => openStream(target, origin, `${label}-${start + index}`, history));
    requests.push(...(await Promise.all(batch)));
  }
  return requests;
}

/** Ends the streams, and waits until the server has let them go: they would count in the next measure. */
async function closeAll(requests: http.ClientRequest[]): Promise<void> {
  for (const request of requests) request.destroy();
  await new Promise((resolve) => setTimeout(resolve, 500));
}

async function perStream(target: TargetName, app: RunningServer, streams: number, label: string, history?: string): Promise<number> {
  const before = await heapBytes(app.origin);
  const requests = await openMany(target, app.origin, streams, label, history);
  const during = await heapBytes(app.origin);
  await closeAll(requests);
  return (during - before) / streams / 1024;
}

/**
 * For each app target, on a fresh server with --expose-gc: the heap
 * after a full GC with `streams` streams held open mid-answer, less the heap
 * before them, per stream: what a stream in flight keeps alive (the route's
 * objects, Next's, Node's sockets and requests). Unlike peak RSS, it does
 * not depend on when the collector last ran. Once with a one-line prompt,
 * once with a 20,000-character earlier message in the conversation.
 */
export async function runMemoryBench(mock: RunningServer, targets: TargetName[], streams = 500): Promise<MemoryFigures[]> {
  const figures: MemoryFigures[] = [];
  for (const target of targets.filter((name) => name !== "floor")) {
    const app = await startApp({ mockOrigin: mock.origin, nodeFlags: ["--expose-gc"] });
    try {
      // Warm up: routes loaded, pools and caches filled.
      for (let round = 0; round < 3; round++) await closeAll(await openMany(target, app.origin, 50, `warm-${round}`, "x".repeat(100)));
      const short = await perStream(target, app, streams, "short");
      const long = await perStream(target, app, streams, "long", "x".repeat(longHistoryCharacters));
      figures.push({ target, streams, perStreamKiB: { short, long } });
    } finally {
      await app.stop();
    }
  }
  return figures;
}
