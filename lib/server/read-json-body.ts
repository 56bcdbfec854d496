import { ChatError } from "@/lib/server/chat-error";
import type { Readable } from "node:stream";
import type { IncomingRequest } from "@/lib/server/incoming-request";

/** A Web body's bytes, refusing it (and cancelling the rest) once it passes `maxBytes`. */
async function readWebBody(body: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => ChatError): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
}

/**
 * A Node body's bytes, with one promise for the whole body (its async
 * iterator costs one per chunk, which showed in the chat route's profile).
 * Over `maxBytes` it is left unread, not destroyed: the 413 must still reach
 * the client (the response then closes the connection).
 */
function readNodeBody(body: Readable, maxBytes: number, tooLarge: () => ChatError): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let received = 0;
    const settle = (error?: unknown) => {
      body.off("data", onData).off("end", onEnd).off("error", settle).off("close", onClose);
      if (error === undefined) resolve(chunks);
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received <= maxBytes) return void chunks.push(chunk);
      body.pause();
      settle(tooLarge());
    };
    const onEnd = () => settle();
    const onClose = () => settle(new Error("the request was closed before its body ended"));
    body.on("data", onData).once("end", onEnd).once("error", settle).once("close", onClose);
  });
}

/** One for every request: a decode without `stream` starts afresh, and a fatal one that threw is reset. */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A byte count as a person reads it: 1 MiB, 256 KiB, or the bytes when it is neither. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `up to ${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `up to ${bytes / 1024} KiB`;
  return `up to ${bytes.toLocaleString("en")} bytes`;
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
  const tooLarge = () =>
    new ChatError(
      "payload_too_large",
      `The conversation is too long to send: this server accepts ${sizeText(maxBytes)} a request. Shorten the message, send fewer images at a time, or start a new conversation.`,
    );
  const declaredLength = Number(request.headers.get("content-length"));
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) throw tooLarge();

  const body = request.body;
  const chunks = body === null ? [] : "getReader" in body ? await readWebBody(body, maxBytes, tooLarge) : await readNodeBody(body, maxBytes, tooLarge);
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new ChatError("invalid_json", "The request body is not valid UTF-8 text.");
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ChatError("invalid_json", "The request body is not valid JSON.");
  }
}
