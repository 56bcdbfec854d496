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

/** Turns an SSE byte stream into its messages (see `createSseDecoder`). */
export async function* decodeSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const pending: SseMessage[] = [];
  const decoder = createSseDecoder((message) => pending.push(message));
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) decoder.end();
      else decoder.push(value);
      while (pending.length > 0) yield pending.shift() as SseMessage;
      if (done) return;
    }
  } finally {
    // Leaving early (break, return, a thrown error) cancels the body, which
    // closes the connection and so tells the server to stop.
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
