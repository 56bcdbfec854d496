import { relayChat, type RelayOptions } from "@/lib/server/relay";

/**
 * The relay as a ReadableStream, for tests that read an answer as a Web body
 * (the relay's, the providers', test-support's). The route itself writes to
 * Node's response (lib/server/chat-handler.ts).
 */
export function relayChatStream(options: RelayOptions): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  // The relay starts out here, not in `start`: the stream keeps its source's
  // closures, and with them `options`, which a test may check is let go.
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel() {
      cancelled = true;
      handle.clientGone();
    },
  });
  const handle = relayChat(options, {
    write: (bytes) => controller.enqueue(bytes),
    end: (bytes) => {
      // A cancelled stream must not be closed again.
      if (cancelled) return;
      if (bytes) controller.enqueue(bytes);
      controller.close();
    },
  });
  return stream;
}
