import { relayChat, type RelayHandle, type RelayOptions } from "@/lib/server/relay";

/**
 * The relay as a ReadableStream, for tests that read an answer as a Web body
 * (the relay's, the providers', test-support's). The route itself writes to
 * Node's response (lib/server/chat-handler.ts).
 */
export function relayChatStream(options: RelayOptions): ReadableStream<Uint8Array> {
  let handle: RelayHandle | undefined;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      handle = relayChat(options, {
        write: (bytes) => controller.enqueue(bytes),
        // A cancelled stream must not be closed again.
        end: () => {
          if (!cancelled) controller.close();
        },
      });
    },
    cancel() {
      cancelled = true;
      handle?.clientGone();
    },
  });
}
