import { helloFor, probeCutIndex, streamHealthPlan, streamHealthSchedule, utf8Probe } from "@/lib/health/stream-health-plan";
import { abortableDelay } from "@/lib/server/abortable-delay";
import { doneBytes, encodeMessage, pingBytes } from "@/lib/sse/encode";

export interface HealthStreamOptions {
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  plan?: { intervalMs: number; ticks: number };
  /** Milliseconds between the two halves of the probe, so that they travel as two chunks. */
  probePauseMs?: number;
}

/**
 * The body of `GET /api/health/stream`: ticks on a fixed schedule, each
 * stamped with the server's clock, heartbeat comments between them, the UTF-8
 * probe cut mid-character across two writes, then `[DONE]`. Steps are timed
 * from the start (not from the previous step), so a slow timer does not make
 * the whole schedule drift.
 */
export function healthStream(options: HealthStreamOptions): ReadableStream<Uint8Array> {
  const plan = options.plan ?? streamHealthPlan;
  const stop = new AbortController();
  const onClientGone = () => stop.abort();
  options.signal.addEventListener("abort", onClientGone, { once: true });

  async function run(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    const startedAt = performance.now();
    const elapsed = () => performance.now() - startedAt;
    controller.enqueue(encodeMessage("hello", helloFor(plan)));
    for (const step of streamHealthSchedule(plan)) {
      await abortableDelay(Math.max(0, step.atMs - elapsed()), stop.signal);
      if (step.kind === "heartbeat") controller.enqueue(pingBytes);
      else controller.enqueue(encodeMessage("tick", { sequence: step.sequence, server_ms: Math.round(elapsed() * 10) / 10 }, step.sequence));
    }
    const probe = encodeMessage("probe", { text: utf8Probe });
    const cut = probeCutIndex(probe);
    controller.enqueue(probe.slice(0, cut));
    await abortableDelay(options.probePauseMs ?? 20, stop.signal);
    controller.enqueue(probe.slice(cut));
    controller.enqueue(doneBytes);
    controller.close();
  }

  return new ReadableStream<Uint8Array>({
    start(controller) {
      run(controller)
        .catch(() => {
          // Aborted: the client went away (or cancelled the body), so there is nobody to tell; just end.
          try {
            controller.close();
          } catch {
            // Already cancelled by the reader.
          }
        })
        .finally(() => options.signal.removeEventListener("abort", onClientGone));
    },
    cancel() {
      stop.abort();
    },
  });
}
