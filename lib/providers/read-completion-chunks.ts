import { APIError, OpenAIError } from "openai";
import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import { IncomingMessage } from "node:http";
import { headersOf, nodeBodyOf } from "@/lib/providers/http-fetch";
import { createSseDecoder } from "@/lib/sse/decode";

export interface CompletionChunkHandlers {
  /** Each `chat.completion.chunk`, in order, synchronously as its bytes are decoded. */
  onChunk(chunk: ChatCompletionChunk): void;
  /**
   * After each read of the body has been decoded: the chunks of one read came
   * together and may leave together. Not after the last read, the one the
   * body ended with: its chunks come before the returned promise settles, and
   * may leave with whatever ends the answer.
   */
  onRead(): void;
}

/**
 * Reads a streaming chat completion's body (an SSE stream of
 * `chat.completion.chunk` JSON objects) as the openai SDK's `Stream` does:
 * stop at `[DONE]`, throw `APIError` for an `error` object in the stream,
 * end quietly when `signal` aborted. It takes the place of the SDK's
 * iterator because that one costs, per chunk, three nested async generators,
 * a copy of the whole unread buffer and several promises (each paying
 * Next's async hooks); here a body read costs one promise, and its chunks
 * are handed over synchronously, and a body from `httpFetch` is read as
 * the Node stream it is. The SDK still builds, authenticates and checks the
 * request (`.asResponse()` throws its `APIError`s for HTTP errors).
 */
export async function readCompletionChunks(response: Response | IncomingMessage, signal: AbortSignal, handlers: CompletionChunkHandlers): Promise<void> {
  let done = false;
  const decoder = createSseDecoder(({ data }) => {
    if (done) return;
    if (data.startsWith("[DONE]")) {
      done = true;
      return;
    }
    const chunk = JSON.parse(data) as ChatCompletionChunk & { error?: unknown };
    if (chunk?.error) throw new APIError(undefined, chunk.error as object, undefined, response instanceof IncomingMessage ? headersOf(response) : response.headers);
    handlers.onChunk(chunk);
  });
  const onBytes = (bytes: Uint8Array) => decoder.push(bytes);
  try {
    if (response instanceof IncomingMessage) await eachNodeChunk(response, onBytes, handlers.onRead);
    else {
      const nodeBody = nodeBodyOf(response);
      await (nodeBody ? eachNodeChunk(nodeBody, onBytes, handlers.onRead) : eachWebChunk(response, onBytes, handlers.onRead));
    }
    decoder.end();
  } catch (error) {
    if (signal.aborted) return;
    throw error;
  }
}

/**
 * A Node body (from `httpFetch`): one 'data' event per chunk, no promise per
 * chunk. An upstream sends each SSE event as its own HTTP chunk, and Node
 * emits the chunks that one socket read brought one after another in the
 * same task (Node 24.22 as one), so `onRead` comes once they all have (in a microtask, before
 * anything else runs): a burst of events leaves in one write, not one each.
 * A read that also ended the body settles the promise instead.
 */
function eachNodeChunk(body: IncomingMessage, onBytes: (bytes: Uint8Array) => void, onRead: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let readPending = false;
    const fail = (error: unknown) => {
      // Leaving before the end closes the upstream connection.
      body.destroy();
      reject(error);
    };
    const endRead = () => {
      readPending = false;
      // The body ended with this read ('end' comes before this microtask): the caller takes its chunks from here.
      if (body.readableEnded) return;
      try {
        onRead();
      } catch (error) {
        fail(error);
      }
    };
    body.on("data", (bytes: Buffer) => {
      try {
        onBytes(bytes);
      } catch (error) {
        fail(error);
        return;
      }
      if (readPending) return;
      readPending = true;
      queueMicrotask(endRead);
    });
    body.once("end", resolve);
    body.once("error", fail);
    // A connection that breaks mid-answer may only close: undici calls that "terminated".
    body.once("close", () => {
      if (!body.readableEnded) fail(new TypeError("terminated"));
    });
  });
}

/** Any other body (the demo model's fetch): one read promise per chunk. */
async function eachWebChunk(response: Response, onBytes: (bytes: Uint8Array) => void, onRead: () => void): Promise<void> {
  if (!response.body) throw new OpenAIError("The model's response has no body.");
  const reader = response.body.getReader();
  let ended = false;
  try {
    for (;;) {
      const read = await reader.read();
      if (read.done) break;
      onBytes(read.value);
      onRead();
    }
    ended = true;
  } finally {
    // Leaving before the end (an error in the stream, a throwing handler) closes the upstream connection.
    if (!ended) await reader.cancel().catch(() => undefined);
  }
}
