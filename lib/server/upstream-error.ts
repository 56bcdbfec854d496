import OpenAI from "openai";
import { ChatError } from "@/lib/server/chat-error";

function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * Maps whatever the upstream call threw to one of the protocol's codes, with
 * a message of ours: the upstream's own error text can carry a masked key or
 * internal detail, so it never reaches the client.
 */
export function upstreamErrorToChatError(error: unknown): ChatError {
  if (error instanceof ChatError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ChatError("timeout", "The model took too long to answer. Try again.", { retryable: true, cause: error });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    const status = error.status;
    if (status === 429) {
      const wait = retryAfterSeconds(error.headers);
      return new ChatError("rate_limited", "The model is receiving too many requests right now. Wait a moment and try again.", {
        retryable: true,
        retryAfterSeconds: wait,
        cause: error,
      });
    }
    if (status === 401 || status === 403) {
      return new ChatError("auth_failed", "The model refused this server's credentials. The server's API key needs checking.", { cause: error });
    }
    if (status >= 500) {
      return new ChatError("upstream_error", `The model's server failed (HTTP ${status}). Try again.`, { retryable: true, cause: error });
    }
    return new ChatError("upstream_error", `The model's server refused the request (HTTP ${status}). Check the model and settings.`, {
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIError && !(error instanceof OpenAI.APIConnectionError)) {
    // An `error` object inside the stream, after it had started.
    return new ChatError("upstream_error", "The model reported an error in the middle of its answer. Try again.", {
      retryable: true,
      cause: error,
    });
  }
  // Anything else the SDK or fetch threw (refused, reset, dropped mid-answer).
  return new ChatError("upstream_unavailable", "The connection to the model was lost. Try again.", { retryable: true, cause: error });
}
