import type { ChatEvent } from "@/lib/chat/events";
import type { ChatRequestInput } from "@/lib/chat/schema";
import { ChatClientError, connectionError, errorFromResponse, isAbortError } from "@/lib/client/chat-client-error";
import { eventsOf, postForStream } from "@/lib/client/chat-stream";
import { browserConnectivity, reconnectDelayMs, waitToReconnect, type Connectivity } from "@/lib/client/reconnect-wait";

/** A new answer to ask for, or one the server is generating (or kept) to read on from `lastEventId`. */
export type AnswerSource =
  | { request: ChatRequestInput }
  | {
      answerId: string;
      /** The id of the last event already taken in; none: from the first event. */
      lastEventId?: string;
      /** Its `finish` or `error` already came: a 204 then means nothing is missing. */
      ended?: boolean;
    };

/**
 * What reading an answer yields (in batches): its events, each with its SSE
 * id, and word when the connection is lost (`reconnecting`) and when it is
 * back (`resumed`).
 */
export type AnswerUpdate = (ChatEvent & { eventId?: string }) | { type: "reconnecting" } | { type: "resumed" };

export interface AnswerStreamOptions {
  signal?: AbortSignal;
  fetch?: typeof fetch;
  connectivity?: Connectivity;
  /** Waits before a reconnect attempt; `waitToReconnect` unless a test brings its own. */
  wait?(ms: number, signal: AbortSignal | undefined): Promise<void>;
  now?(): number;
  /** How long to keep trying once the connection is lost: a little more than the server's default grace (30 s). */
  giveUpAfterMs?: number;
}

export const defaultGiveUpAfterMs = 40_000;

/** Whether event `id` was already taken in: ids are 0, 1, 2, ... in order, so a resume never shows text twice. */
function isRepeat(id: string | undefined, lastEventId: string | undefined): boolean {
  if (id === undefined || lastEventId === undefined) return false;
  const [current, last] = [Number(id), Number(lastEventId)];
  return Number.isInteger(current) && Number.isInteger(last) && current <= last;
}

/** `GET /api/chat/{id}/stream` from after `lastEventId`; undefined when the server no longer has the answer (204). */
async function resumeStream(answerId: string, lastEventId: string | undefined, fetchFunction: typeof fetch, signal: AbortSignal): Promise<Response | undefined> {
  let response: Response;
  try {
    response = await fetchFunction(`/api/chat/${encodeURIComponent(answerId)}/stream`, {
      headers: lastEventId === undefined ? {} : { "Last-Event-ID": lastEventId },
      cache: "no-store",
      signal,
    });
  } catch (error) {
    throw connectionError(error, false);
  }
  if (response.status === 204 || response.status === 404) return undefined;
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

/**
 * How many more times a 204 for an answer whose end never came is asked
 * again before the answer is called gone. An answer begun while Redis was
 * down (or one of this instance's connections to it was) is resumable on its
 * own instance only, and a resume may reach another: asked again after the
 * usual reconnect waits, it may reach the one that has it (with two
 * instances, 7 times in 8 rather than 1 in 2). An answer that is truly gone
 * is said to be so 1.5 to 3 s later.
 */
const goneRetries = 2;

const answerGone = () =>
  new ChatClientError("answer_gone", "The rest of this answer is no longer available on the server. Try again to ask anew.", { retryable: true });
const reconnectFailed = () =>
  new ChatClientError("reconnect_failed", "Could not reconnect to the server to finish this answer. Check your connection, then try again.", { retryable: true });

/**
 * Reads one resumable answer to its end, whatever happens to the connection.
 * A new answer is asked for with `"resumable": true`; once its `start` event
 * has named it, a lost connection (the body breaks or ends before `[DONE]`,
 * or the browser goes offline) is resumed with `Last-Event-ID`, after
 * 0.5, 1, 2, 4, 8, 8... seconds, or at once when the browser is back online,
 * for up to `giveUpAfterMs`. Events already taken in are never yielded again.
 * Throws `answer_gone` when the server no longer has an answer whose end
 * never came (asked `goneRetries` more times first), and the signal's
 * `AbortError` when aborted. Yields batches: the new events of one network
 * read (see eventsOf), never an empty one.
 */
export async function* streamAnswer(source: AnswerSource, options: AnswerStreamOptions = {}): AsyncGenerator<AnswerUpdate[]> {
  const connectivity = options.connectivity ?? browserConnectivity;
  const now = options.now ?? Date.now;
  const wait = options.wait ?? ((ms, signal) => waitToReconnect(ms, signal, connectivity));
  const giveUpAfterMs = options.giveUpAfterMs ?? defaultGiveUpAfterMs;
  let request = "request" in source ? source.request : undefined;
  let answerId = "answerId" in source ? source.answerId : undefined;
  let lastEventId = "answerId" in source ? source.lastEventId : undefined;
  let ended = "answerId" in source && source.ended === true;
  let lostAt: number | undefined;
  let reconnecting = false;
  let attempt = 0;
  let goneReplies = 0;
  for (;;) {
    // Going offline drops this connection at once, rather than waiting for it to time out, once there is an answer to resume.
    const connection = new AbortController();
    const unsubscribe = connectivity.subscribe((online) => {
      if (!online && answerId !== undefined) connection.abort(new DOMException("The browser went offline.", "AbortError"));
    });
    const signal = options.signal ? AbortSignal.any([options.signal, connection.signal]) : connection.signal;
    try {
      if (answerId !== undefined && !connectivity.isOnline()) throw new DOMException("The browser is offline.", "AbortError");
      const fetchFunction = options.fetch ?? fetch;
      const response = request
        ? await postForStream(request, { fetch: fetchFunction, signal, resumable: true })
        : await resumeStream(answerId as string, lastEventId, fetchFunction, signal);
      request = undefined;
      if (!response) {
        if (ended) return;
        goneReplies += 1;
        if (goneReplies > goneRetries) throw answerGone();
        throw new ChatClientError("answer_elsewhere", "This server does not have the answer; another may.", { retryable: true });
      }
      if (reconnecting) {
        reconnecting = false;
        yield [{ type: "resumed" }];
      }
      for await (const events of eventsOf(response)) {
        const updates: AnswerUpdate[] = [];
        for (const { event, id } of events) {
          if (isRepeat(id, lastEventId)) continue;
          lastEventId = id ?? lastEventId;
          if (event.type === "start") answerId = event.id;
          if (event.type === "finish" || event.type === "error") ended = true;
          updates.push(id === undefined ? event : { ...event, eventId: id });
        }
        if (updates.length === 0) continue;
        lostAt = undefined;
        attempt = 0;
        goneReplies = 0;
        // Stop while this batch waited its turn (a read is handed on in parts): nothing more is shown.
        options.signal?.throwIfAborted();
        yield updates;
      }
      return;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const resumable = answerId !== undefined && (isAbortError(error) || (error instanceof ChatClientError && error.retryable && error.code !== "answer_gone"));
      if (!resumable) throw error;
    } finally {
      unsubscribe();
    }
    lostAt ??= now();
    if (now() - lostAt > giveUpAfterMs) throw reconnectFailed();
    if (!reconnecting) {
      reconnecting = true;
      yield [{ type: "reconnecting" }];
    }
    await wait(reconnectDelayMs(attempt++), options.signal);
  }
}
