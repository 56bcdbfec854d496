import { createParser } from "eventsource-parser";

/** One SSE message or comment of the health stream, with when it arrived (ms after the request was sent). */
export interface TimedMessage {
  atMs: number;
  event?: string;
  id?: string;
  data: string;
}

/** What the browser saw of `GET /api/health/stream`: the raw facts, judged by lib/health/analyze-stream-health. */
export interface StreamHealthRecording {
  status: number;
  headers: { contentType: string | null; cacheControl: string | null; contentEncoding: string | null };
  /** When the response headers came. */
  headersMs: number;
  /** Each network chunk of the body as the browser got it. */
  chunks: Array<{ atMs: number; bytes: number }>;
  messages: TimedMessage[];
  comments: Array<{ atMs: number; text: string }>;
  endedMs: number;
  /** Set when the body broke before its end (a network error). */
  broken?: string;
}

export interface StreamHealthOptions {
  signal?: AbortSignal;
  /** Injected in tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  /** A clock for durations; `performance.now()` otherwise. */
  now?: () => number;
  endpoint?: string;
  /** Called after each message, for a live view of the check. */
  onMessage?: (message: TimedMessage) => void;
}

/**
 * Reads the health stream and notes when every chunk, message and comment
 * arrived. It decodes the way a careful client does (UTF-8 in streaming
 * mode), so that any damage it sees was done on the way. Rejects only when
 * the request could not be made, or when aborted.
 */
export async function recordStreamHealth(options: StreamHealthOptions = {}): Promise<StreamHealthRecording> {
  const now = options.now ?? (() => performance.now());
  const startedAt = now();
  const elapsed = () => now() - startedAt;
  const response = await (options.fetch ?? fetch)(options.endpoint ?? "/api/health/stream", { cache: "no-store", signal: options.signal });
  const recording: StreamHealthRecording = {
    status: response.status,
    headers: {
      contentType: response.headers.get("content-type"),
      cacheControl: response.headers.get("cache-control"),
      contentEncoding: response.headers.get("content-encoding"),
    },
    headersMs: elapsed(),
    chunks: [],
    messages: [],
    comments: [],
    endedMs: 0,
  };
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    recording.endedMs = elapsed();
    return recording;
  }
  let chunkAt = 0;
  const parser = createParser({
    onEvent: ({ event, id, data }) => {
      const message = { atMs: chunkAt, event, id, data };
      recording.messages.push(message);
      options.onMessage?.(message);
    },
    onComment: (text) => recording.comments.push({ atMs: chunkAt, text }),
  });
  const decoder = new TextDecoder("utf-8");
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      chunkAt = elapsed();
      if (done) {
        parser.feed(decoder.decode());
        break;
      }
      recording.chunks.push({ atMs: chunkAt, bytes: value.byteLength });
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    recording.broken = error instanceof Error ? error.message : String(error);
  } finally {
    reader.releaseLock();
  }
  recording.endedMs = elapsed();
  return recording;
}
