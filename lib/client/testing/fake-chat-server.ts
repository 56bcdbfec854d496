import type { ChatEvent } from "@/lib/chat/events";
import type { ChatRequestInput } from "@/lib/chat/schema";

/*
 * Test support for lib/client: a fetch that answers from byte chunks without a
 * network (openai-node's tests/utils/mock-fetch.ts does the same), and small
 * readers of what the client yields.
 */

export const encoder = new TextEncoder();
export const request: ChatRequestInput = { messages: [{ role: "user", content: "Hello" }] };
export const eventStreamHeaders = { "Content-Type": "text/event-stream; charset=utf-8" };

/** One SSE message as PROTOCOL.md writes it. */
export function wire(id: number, event: string, data: object): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
export const done = "data: [DONE]\n\n";

export function splitEvery(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.slice(start, start + size));
  return chunks;
}

export interface FakeServer {
  fetch: typeof fetch;
  /** What the client sent, parsed, with the URL and method. */
  sent: Array<{ url: string; method: string | undefined; contentType: string | null; body: unknown; lastEventId?: string }>;
}

/**
 * A fetch that answers without a network. Like the real one, it rejects with
 * the signal's reason when aborted before the answer, and errors the body with
 * it when aborted while the body is read.
 */
export function fakeServer(answer: (signal: AbortSignal | undefined) => Response | Promise<Response>): FakeServer {
  const sent: FakeServer["sent"] = [];
  const fetchFunction = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    sent.push({
      url: String(input),
      method: init?.method,
      contentType: headers.get("content-type"),
      body: init?.body === undefined ? undefined : JSON.parse(String(init.body)),
      lastEventId: headers.get("last-event-id") ?? undefined,
    });
    const signal = init?.signal ?? undefined;
    signal?.throwIfAborted();
    if (!signal) return answer(signal);
    return Promise.race([
      answer(signal),
      new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true })),
    ]);
  };
  return { fetch: fetchFunction, sent };
}

/** An SSE body made of byte chunks; left open (the server still sending) unless `close` is true. */
export function sseResponse(chunks: Uint8Array[], signal: AbortSignal | undefined, close = true): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (close) controller.close();
      signal?.addEventListener("abort", () => controller.error(signal.reason), { once: true });
    },
  });
  return new Response(body, { headers: eventStreamHeaders });
}

export function sseText(text: string, chunkSize = Infinity): FakeServer {
  return fakeServer((signal) => sseResponse(splitEvery(encoder.encode(text), chunkSize), signal));
}

/** Reads events until the stream ends or throws, and says which. */
export async function drain(events: AsyncIterable<ChatEvent>): Promise<{ events: ChatEvent[]; error: unknown }> {
  const seen: ChatEvent[] = [];
  try {
    for await (const event of events) seen.push(event);
  } catch (error) {
    return { events: seen, error };
  }
  return { events: seen, error: undefined };
}

/** What a promise rejected with; undefined when it resolved. */
export function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

export function contentOf(events: ChatEvent[]): string {
  return events.map((event) => (event.type === "delta" ? event.content : "")).join("");
}
