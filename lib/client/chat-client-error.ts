import { parseRetryAfter } from "@/lib/chat/parse-retry-after";

/** A failure the page can show: the protocol's code, a message for people, and whether retrying may help. */
export class ChatClientError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  /** Why the model's server refused, when the person can act on it (the protocol's added `reason`). */
  readonly reason: string | undefined;

  constructor(code: string, message: string, options: { retryable?: boolean; retryAfterSeconds?: number; reason?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "ChatClientError";
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.reason = options.reason;
  }
}

const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);

/** Reads the protocol's `{"error": {...}}` body, or describes a status that came without one (a proxy's HTML page). */
export async function errorFromResponse(response: Response): Promise<ChatClientError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get("retry-after"));
  const retryable = retryableStatuses.has(response.status);
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; reason?: unknown } };
    if (typeof body.error?.code === "string" && typeof body.error.message === "string") {
      const reason = typeof body.error.reason === "string" ? body.error.reason : undefined;
      return new ChatClientError(body.error.code, body.error.message, { retryable, retryAfterSeconds, reason });
    }
  } catch {
    // Not our JSON: fall through to a description of the status.
  }
  return new ChatClientError(`http_${response.status}`, `The server answered with HTTP ${response.status}. Try again.`, {
    retryable,
    retryAfterSeconds,
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/** Turns what fetch or a body read threw into something to show, keeping aborts as they are. */
export function connectionError(error: unknown, whileStreaming: boolean): unknown {
  if (isAbortError(error) || error instanceof ChatClientError) return error;
  return whileStreaming
    ? new ChatClientError("connection_lost", "The connection to the server was lost before the answer was complete.", { retryable: true, cause: error })
    : new ChatClientError("network_error", "Could not reach the server. Check your connection and try again.", { retryable: true, cause: error });
}
