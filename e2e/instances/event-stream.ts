/** One SSE message as it came: its fields, and its bytes (to compare a replay with the first time). */
export interface StreamEvent {
  id?: number;
  event?: string;
  data: string;
  raw: string;
}

export interface EventStream {
  status: number;
  headers: Headers;
  /** The messages so far (comments such as `: ping` left out). */
  events: StreamEvent[];
  /** Every byte so far, as text (an error body, for a failure's message). */
  text(): string;
  /** Resolves once `condition` holds for the messages so far; rejects when the stream ends first or after `timeoutMs`. */
  until(condition: (events: StreamEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Goes away, as a closed tab or a lost connection does. */
  drop(): void;
  /** Every message, once the server closed the stream (or it was dropped); rejects after `timeoutMs` (a hang). */
  end(timeoutMs?: number): Promise<StreamEvent[]>;
}

function parseMessage(raw: string): StreamEvent | undefined {
  const message: StreamEvent = { data: "", raw };
  let hasData = false;
  for (const line of raw.split("\n")) {
    if (line.startsWith("id: ")) message.id = Number(line.slice(4));
    else if (line.startsWith("event: ")) message.event = line.slice(7);
    else if (line.startsWith("data: ")) {
      message.data = hasData ? `${message.data}\n${line.slice(6)}` : line.slice(6);
      hasData = true;
    }
  }
  return hasData ? message : undefined;
}

/**
 * A client of the protocol's streams, reading raw bytes (the server writes
 * `id`, `event`, one `data` line and a blank line, so messages split on the
 * blank line): `POST /api/chat` or `GET /api/chat/{id}/stream`.
 */
export async function openEventStream(url: string, init: RequestInit = {}): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { ...init, signal: abort.signal });
  const events: StreamEvent[] = [];
  let text = "";
  let pending = "";
  let ended = false;
  let failure: unknown;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((waiter) => waiter());

  const reading = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const decoded = decoder.decode(value, { stream: true });
        text += decoded;
        pending += decoded;
        let end = pending.indexOf("\n\n");
        while (end !== -1) {
          const message = parseMessage(pending.slice(0, end));
          if (message) events.push(message);
          pending = pending.slice(end + 2);
          end = pending.indexOf("\n\n");
        }
        notify();
      }
    } catch (error) {
      // A broken stream (not one this client dropped) is the test's failure, given by `end`.
      if (!abort.signal.aborted) failure = error;
    } finally {
      ended = true;
      notify();
    }
  })();

  return {
    status: response.status,
    headers: response.headers,
    events,
    text: () => text,
    until(condition, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`not within ${timeoutMs} ms (${url}, status ${response.status}); ${events.length} messages so far`)), timeoutMs);
        const check = () => {
          if (condition(events)) finish();
          else if (ended) finish(new Error(`the stream (status ${response.status}) ended first, after ${events.length} messages: ${text.slice(0, 300)}`));
        };
        const finish = (error?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve();
        };
        waiters.add(check);
        check();
      });
    },
    drop: () => abort.abort(),
    async end(timeoutMs = 20_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the stream did not end within ${timeoutMs} ms (${events.length} messages)`)), timeoutMs);
      });
      try {
        await Promise.race([reading, timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (failure) throw failure;
      return events;
    },
  };
}

/** The answer's text: its deltas' contents in order. */
export const answerText = (events: readonly StreamEvent[]) =>
  events
    .filter((event) => event.event === "delta")
    .map((event) => (JSON.parse(event.data) as { content: string }).content)
    .join("");

/** Event names in order, deltas squeezed: `start delta* usage finish [DONE]`. */
export function shapeOf(events: readonly StreamEvent[]): string {
  return events
    .map((event) => (event.data === "[DONE]" ? "[DONE]" : (event.event ?? "message")))
    .filter((name, index, names) => !(name === "delta" && names[index - 1] === "delta"))
    .map((name) => (name === "delta" ? "delta*" : name))
    .join(" ");
}

/** The `finish_reason` of the `finish` event, if there is one. */
export function finishReasonOf(events: readonly StreamEvent[]): string | undefined {
  const finish = events.find((event) => event.event === "finish");
  return finish ? (JSON.parse(finish.data) as { finish_reason: string }).finish_reason : undefined;
}
