import OpenAI from "openai";
import { parseRetryAfter } from "@/lib/chat/parse-retry-after";
import { ChatError } from "@/lib/server/chat-error";
import { upstreamRefusal } from "@/lib/server/upstream-refusal";

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
      const wait = parseRetryAfter(error.headers?.get("retry-after"));
      return new ChatError("rate_limited", "The model is receiving too many requests right now. Wait a moment and try again.", {
        retryable: true,
        retryAfterSeconds: wait,
        cause: error,
      });
    }
    if (status === 401 || status === 403) {
      return new ChatError("auth_failed", "The model refused this server's credentials. The server's API key needs checking.", { cause: error });
    }
    const refusal = upstreamRefusal(error);
    // llama.cpp answers a question with images to a model without them with a 500: trying again would not help.
    if (status >= 500 && refusal?.reason !== "images_not_supported") {
      return new ChatError("upstream_error", `The model's server failed (HTTP ${status}). Try again.`, { retryable: true, cause: error });
    }
    if (refusal) return new ChatError("upstream_error", refusal.message, { reason: refusal.reason, cause: error });
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
