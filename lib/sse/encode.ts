import type { ChatEvent } from "@/lib/chat/events";
import { doneSentinel } from "@/lib/chat/events";

const encoder = new TextEncoder();

/**
 * Headers of every SSE answer. `no-transform` keeps Next (and any proxy that
 * honours it) from gzipping the stream, which would hold tokens back;
 * `X-Accel-Buffering: no` does the same for nginx.
 */
export const sseHeaders = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
} as const;

/** One SSE message as text: `id:` (when given), `event:`, exactly one `data:` line of JSON, a blank line. */
function formatMessage(name: string, data: unknown, id?: number): string {
  const idLine = id === undefined ? "" : `id: ${id}\n`;
  // JSON.stringify escapes CR and LF inside strings, so `data` is always one line.
  return `${idLine}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function encodeMessage(name: string, data: unknown, id?: number): Uint8Array {
  return encoder.encode(formatMessage(name, data, id));
}

/** One protocol event as SSE text. */
export function formatEvent(id: number, event: ChatEvent): string {
  // A delta (or a reasoning model's reasoning), the event sent per token, is written without copying the event or walking its keys.
  if (event.type === "delta" || event.type === "reasoning") return `id: ${id}\nevent: ${event.type}\ndata: {"content":${JSON.stringify(event.content)}}\n\n`;
  const { type, ...data } = event;
  return formatMessage(type, data, id);
}

/**
 * UTF-8 bytes of SSE text (events formatted together are encoded once). Once
 * per upstream read, so it is on the hot path: Buffer.from cuts small texts
 * from Node's shared pool, a quarter of the CPU of TextEncoder.encode, which
 * allocates a fresh ArrayBuffer each time (about 0.45 against 1.7 µs for a
 * delta, and less garbage). A default ReadableStream never transfers its
 * chunks' buffers, so sharing the pool's is safe.
 */
export function encodeText(text: string): Uint8Array {
  return Buffer.from(text, "utf8");
}

export function encodeEvent(id: number, event: ChatEvent): Uint8Array {
  return encoder.encode(formatEvent(id, event));
}

export const doneText = `data: ${doneSentinel}\n\n`;
export const doneBytes: Uint8Array = encoder.encode(doneText);

/** A comment line that keeps proxies from closing a quiet connection; clients ignore it. */
export const pingBytes: Uint8Array = encoder.encode(": ping\n\n");
