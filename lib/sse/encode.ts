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

/** One SSE message: `id:` (when given), `event:`, exactly one `data:` line of JSON, a blank line. */
export function encodeMessage(name: string, data: unknown, id?: number): Uint8Array {
  const idLine = id === undefined ? "" : `id: ${id}\n`;
  // JSON.stringify escapes CR and LF inside strings, so `data` is always one line.
  return encoder.encode(`${idLine}event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** One protocol event: `id:`, `event:`, exactly one `data:` line of JSON, a blank line. */
export function encodeEvent(id: number, event: ChatEvent): Uint8Array {
  const { type, ...data } = event;
  return encodeMessage(type, data, id);
}

export const doneBytes: Uint8Array = encoder.encode(`data: ${doneSentinel}\n\n`);

/** A comment line that keeps proxies from closing a quiet connection; clients ignore it. */
export const pingBytes: Uint8Array = encoder.encode(": ping\n\n");
