import { createParser, type EventSourceMessage } from "eventsource-parser";

export type SseMessage = EventSourceMessage;

/**
 * Turns an SSE byte stream into its messages. UTF-8 is decoded in streaming
 * mode, so a character cut across two chunks comes out whole; line endings
 * (CR, LF, CRLF, even cut across chunks) are eventsource-parser's to handle.
 * An event left without its closing blank line when the stream ends is
 * dropped, as the SSE standard says.
 */
export async function* decodeSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder("utf-8");
  const pending: SseMessage[] = [];
  const parser = createParser({ onEvent: (message) => pending.push(message) });
  const reader = body.getReader();
  let endsWithCarriageReturn = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (text !== "") endsWithCarriageReturn = text.endsWith("\r");
      parser.feed(text);
      // The parser holds a final CR back to see whether LF follows; at the end
      // nothing will, and a lone CR ends its line (SSE allows CR line endings).
      if (done && endsWithCarriageReturn) parser.feed("\n");
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
