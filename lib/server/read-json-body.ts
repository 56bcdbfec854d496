import { ChatError } from "@/lib/server/chat-error";
import type { IncomingRequest } from "@/lib/server/incoming-request";

/** The body's chunks, from a Web stream or a Node request; `stop()` leaves the rest unread. */
function chunksOf(body: NonNullable<IncomingRequest["body"]>): { next(): Promise<Uint8Array | undefined>; stop(): Promise<void> } {
  if ("getReader" in body) {
    const reader = body.getReader();
    return {
      next: async () => (await reader.read()).value,
      stop: () => reader.cancel(),
    };
  }
  const iterator = body[Symbol.asyncIterator]();
  return {
    next: async () => {
      const result = await iterator.next();
      return result.done ? undefined : result.value;
    },
    // A Node request is left unread, not destroyed: the 413 must still reach the client (the response closes the connection).
    stop: async () => undefined,
  };
}

/**
 * Reads a JSON request body, refusing it as soon as it passes `maxBytes`
 * (an unbounded body is never buffered), and refusing bodies that are not
 * `application/json`, not UTF-8 or not JSON, each with its own 4xx.
 */
export async function readJsonBody(request: Pick<IncomingRequest, "headers" | "body">, maxBytes: number): Promise<unknown> {
  const contentType = request.headers.get("content-type") ?? "";
  if (contentType.split(";")[0]?.trim().toLowerCase() !== "application/json") {
    throw new ChatError("unsupported_media_type", "Send the request as JSON, with the header Content-Type: application/json.");
  }
  const tooLarge = () => new ChatError("payload_too_large", `The request is larger than the ${maxBytes} bytes this server accepts.`);
  const declaredLength = Number(request.headers.get("content-length"));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const source = chunksOf(request.body);
    for (let value = await source.next(); value !== undefined; value = await source.next()) {
      received += value.byteLength;
      if (received > maxBytes) {
        await source.stop();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ChatError("invalid_json", "The request body is not valid UTF-8 text.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ChatError("invalid_json", "The request body is not valid JSON.");
  }
}
