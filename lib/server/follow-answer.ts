import type { AnswerFollower } from "@/lib/shared-state/answer-log";
import { doneBytes, encodeText, pingBytes } from "@/lib/sse/encode";

/**
 * A resumed answer as an SSE body (`GET /api/chat/{id}/stream`): the logged
 * events' exact text as it comes, `[DONE]` once the answer has ended, and a
 * `: ping` after `heartbeatMs` of silence. When the client goes away (the
 * body is cancelled or `signal` aborts), the follower is closed at once, so
 * whatever it held (a Redis connection, a listener) is freed.
 */
export function followAnswer(follower: AnswerFollower, heartbeatMs: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  let open = true;
  let heartbeat: ReturnType<typeof setTimeout> | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;

  function stop(): void {
    if (!open) return;
    open = false;
    clearTimeout(heartbeat);
    signal.removeEventListener("abort", onAbort);
    follower.close();
  }
  // A reader still attached (the signal aborted, the body was not cancelled) sees the end.
  const onAbort = () => {
    const wasOpen = open;
    stop();
    if (wasOpen) controller?.close();
  };

  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      const write = (bytes: Uint8Array) => {
        if (!open) return;
        streamController.enqueue(bytes);
        heartbeat?.refresh();
      };
      // As in the relay: one timer, refreshed by every write (the ping's own included, which re-arms it).
      heartbeat = setTimeout(() => write(pingBytes), heartbeatMs);
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });

      void (async () => {
        try {
          while (open) {
            const { text, ended } = await follower.read();
            if (text !== "") write(encodeText(text));
            if (!ended) continue;
            const completed = open;
            write(doneBytes);
            stop();
            if (completed) streamController.close();
          }
        } catch {
          // The log could not be read any more (Redis went away mid-follow): end here; the
          // client reconnects with its Last-Event-ID and is answered by whatever can see the answer.
          const wasOpen = open;
          stop();
          if (wasOpen) streamController.close();
        }
      })();
    },
    cancel() {
      stop();
    },
  });
}
