import { doneSentinel, readChatEvent } from "@/lib/chat/event-readers";
import type { ChatEvent, Usage } from "@/lib/chat/events";
import type { ChatRequestInput } from "@/lib/chat/schema";
import { ChatClientError, connectionError, errorFromResponse } from "@/lib/client/chat-client-error";
import { decodeSseBatches } from "@/lib/sse/decode";

export interface ChatClientOptions {
  signal?: AbortSignal;
  /** Injected in tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  endpoint?: string;
}

/** How long reading the stream may hold the page's main thread before a frame may come (see decodeSseBatches). */
const readSliceMs = 12;

/** A protocol event, or undefined for one this client does not know (a newer server's), which is skipped. */
function parseEvent(name: string | undefined, data: string): ChatEvent | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(data);
  } catch {
    return undefined;
  }
  return readChatEvent(name, fields);
}

function post(request: ChatRequestInput, fields: { stream: boolean; resumable?: boolean }, options: ChatClientOptions): Promise<Response> {
  const fetchFunction = options.fetch ?? fetch;
  return fetchFunction(options.endpoint ?? "/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...request, ...fields }),
    signal: options.signal,
  });
}

/** A protocol event and its SSE `id:` (what `Last-Event-ID` names when resuming). */
export interface IdentifiedEvent {
  event: ChatEvent;
  id: string | undefined;
}

/**
 * The events of one SSE response, each checked against the shapes the server
 * writes (lib/chat/event-readers.ts), and tagged with its id: in batches, the
 * events of one network read (or of part of one, see decodeSseBatches), never
 * an empty one. Ends after `[DONE]`; throws a `ChatClientError`
 * (`connection_lost`) if the body ends or breaks before it, and the signal's
 * `AbortError` when aborted.
 */
export async function* eventsOf(response: Response): AsyncGenerator<IdentifiedEvent[]> {
  if (!response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) {
    throw new ChatClientError("bad_response", "The server did not answer with a stream.", { retryable: true });
  }
  try {
    // A long answer at full speed must not be read in one long task: the page paints as it reads.
    for await (const messages of decodeSseBatches(response.body, { yieldAfterMs: readSliceMs })) {
      const events: IdentifiedEvent[] = [];
      for (const message of messages) {
        if (message.data === doneSentinel) {
          if (events.length > 0) yield events;
          return;
        }
        const event = parseEvent(message.event, message.data);
        if (event) events.push({ event, id: message.id });
      }
      if (events.length > 0) yield events;
    }
  } catch (error) {
    throw connectionError(error, true);
  }
  throw new ChatClientError("connection_lost", "The connection closed before the answer was complete.", { retryable: true });
}

/** `POST /api/chat` for a streamed answer; throws what the page can show when it gets no stream. */
export async function postForStream(request: ChatRequestInput, options: ChatClientOptions & { resumable?: boolean }): Promise<Response> {
  let response: Response;
  try {
    response = await post(request, { stream: true, ...(options.resumable ? { resumable: true } : {}) }, options);
  } catch (error) {
    throw connectionError(error, false);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

/**
 * Streams one answer from `POST /api/chat` as typed events, each checked
 * against the same schema the server writes with. Ends after `[DONE]`;
 * throws a `ChatClientError` if the stream breaks before it, and the
 * signal's `AbortError` when aborted.
 */
export async function* streamChat(request: ChatRequestInput, options: ChatClientOptions = {}): AsyncGenerator<ChatEvent> {
  // One event at a time: the side-by-side demo times each delta's arrival. Those of one batch came in one read, at one moment.
  for await (const events of eventsOf(await postForStream(request, options))) {
    for (const { event } of events) yield event;
  }
}

export interface CompleteAnswer {
  id: string;
  model: string;
  content: string;
  /** Added to the protocol: what a reasoning model wrote before its answer, when its server sends it. */
  reasoning?: string;
  finish_reason: string;
  usage?: Usage;
}

/** One answer from `POST /api/chat` with `stream: false`, whole. */
export async function completeChat(request: ChatRequestInput, options: ChatClientOptions = {}): Promise<CompleteAnswer> {
  let response: Response;
  try {
    response = await post(request, { stream: false }, options);
  } catch (error) {
    throw connectionError(error, false);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as CompleteAnswer;
}
