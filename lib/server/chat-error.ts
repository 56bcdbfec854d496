import type { ChatEventOf } from "@/lib/chat/events";
import { errorStatus, type ErrorCode } from "@/lib/chat/error-codes";
import type { RefusalReason } from "@/lib/server/upstream-refusal";

interface ChatErrorOptions {
  retryable?: boolean;
  /** Seconds the client should wait before trying again (`Retry-After`). */
  retryAfterSeconds?: number;
  /** Overrides the status that `code` answers with. */
  status?: number;
  /** Added to the protocol: what the person can do something about (an upstream's refusal, see upstreamRefusal). */
  reason?: RefusalReason;
  cause?: unknown;
}

const chatErrorBrand = Symbol.for("streamchat.ChatError");

/**
 * An error whose message is ours and written for people: nothing from an
 * upstream's error text (which can carry a masked key) is ever put in it.
 */
export class ChatError extends Error {
  /**
   * `instanceof` by brand, not by class: Next bundles the Pages API route
   * (/api/chat) apart from the App Router's routes, each with its own copy of
   * this class, and they share the server's state (chatServer), so an error
   * made by one copy can be caught by the other.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && chatErrorBrand in value;
  }
  readonly [chatErrorBrand] = true;
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;
  readonly status: number;
  readonly reason: RefusalReason | undefined;

  constructor(code: ErrorCode, message: string, options: ChatErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "ChatError";
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.status = options.status ?? errorStatus[code];
    this.reason = options.reason;
  }

  /** The protocol's error body, `{"error": {"code", "message"}}` (and `reason`, when known), with `Retry-After` when known. */
  toResponse(headers: Record<string, string> = {}): Response {
    const allHeaders = new Headers(headers);
    if (this.retryAfterSeconds !== undefined) allHeaders.set("Retry-After", String(Math.ceil(this.retryAfterSeconds)));
    const reason = this.reason === undefined ? {} : { reason: this.reason };
    return Response.json({ error: { code: this.code, message: this.message, ...reason } }, { status: this.status, headers: allHeaders });
  }

  toEvent(): ChatEventOf<"error"> {
    return {
      type: "error",
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      ...(this.retryAfterSeconds === undefined ? {} : { retry_after: this.retryAfterSeconds }),
      ...(this.reason === undefined ? {} : { reason: this.reason }),
    };
  }
}
