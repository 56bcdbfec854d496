import { createParser, type EventSourceMessage } from "eventsource-parser";

export type SseMessage = EventSourceMessage;

export interface SseDecoder {
  /** Bytes as they came (a character or a line may be cut anywhere); whole messages go to `onMessage` before this returns. */
  push(bytes: Uint8Array): void;
  /** The stream ended: what is still held back is decoded. */
  end(): void;
}

/**
 * The push form, for hot paths (the relay reads the upstream with it): no
 * promise or generator per message. UTF-8 is decoded in streaming mode, so a
 * character cut across two chunks comes out whole; line endings (CR, LF,
 * CRLF, even cut across chunks) are eventsource-parser's to handle. An event
 * left without its closing blank line when the stream ends is dropped, as
 * the SSE standard says.
 */
export function createSseDecoder(onMessage: (message: SseMessage) => void): SseDecoder {
  const decoder = new TextDecoder("utf-8");
  const parser = createParser({ onEvent: onMessage });
  let endsWithCarriageReturn = false;
  const feed = (text: string) => {
    if (text !== "") endsWithCarriageReturn = text.endsWith("\r");
    parser.feed(text);
  };
  return {
    push: (bytes) => feed(decoder.decode(bytes, { stream: true })),
    end() {
      feed(decoder.decode());
      // The parser holds a final CR back to see whether LF follows; at the end
      // nothing will, and a lone CR ends its line (SSE allows CR line endings).
      if (endsWithCarriageReturn) parser.feed("\n");
    },
  };
}

export interface DecodeOptions {
  /**
   * On a page's main thread: after this many milliseconds of decoding (and of
   * the caller's handling of each batch, which runs in between) without a
   * pause, let the event loop run (a frame, input) before going on. A stream
   * that arrives faster than it is handled (a long answer at full speed, a
   * backlog after a busy moment) would otherwise be read in one long task:
   * every read of a body with data waiting resolves at once, in a microtask.
   */
  yieldAfterMs?: number;
  /**
   * At most this many messages in one batch: a read that holds a backlog
   * (a network read can hold a thousand small events) is handed on in parts,
   * so that `yieldAfterMs` is looked at between them.
   */
  maxBatch?: number;
}

/** Ends the current task: `scheduler.yield()` where the browser has it (the work goes on first), a timer otherwise. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** A read that took this long waited for the network: the event loop ran meanwhile, so a new slice starts. */
const waitedReadMs = 1;

/**
 * Turns an SSE byte stream into its messages, in batches: the whole messages
 * each network read completed (see `createSseDecoder`), never an empty one.
 * One promise per read rather than one per message: on a page reading a
 * long answer at full speed, each `yield` of an async generator costs
 * microtasks, and a read holds hundreds of messages.
 */
export async function* decodeSseBatches(
  body: ReadableStream<Uint8Array>,
  { yieldAfterMs = Infinity, maxBatch = 256 }: DecodeOptions = {},
): AsyncGenerator<SseMessage[]> {
  let pending: SseMessage[] = [];
  const decoder = createSseDecoder((message) => pending.push(message));
  const reader = body.getReader();
  let sliceStart = performance.now();
  try {
    for (;;) {
      const readStart = performance.now();
      const { done, value } = await reader.read();
      if (performance.now() - readStart > waitedReadMs) sliceStart = performance.now();
      if (done) decoder.end();
      else decoder.push(value);
      const messages = pending;
      pending = [];
      for (let start = 0; start < messages.length; start += maxBatch) {
        if (performance.now() - sliceStart > yieldAfterMs) {
          await nextTask();
          sliceStart = performance.now();
        }
        yield messages.length <= maxBatch ? messages : messages.slice(start, start + maxBatch);
      }
      if (done) return;
    }
  } finally {
    // Leaving early (break, return, a thrown error) cancels the body, which
    // closes the connection and so tells the server to stop.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Turns an SSE byte stream into its messages, one at a time (see `decodeSseBatches`). */
export async function* decodeSse(body: ReadableStream<Uint8Array>, options: DecodeOptions = {}): AsyncGenerator<SseMessage> {
  for await (const messages of decodeSseBatches(body, options)) {
    for (const message of messages) yield message;
  }
}
