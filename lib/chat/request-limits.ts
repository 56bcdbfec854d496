/**
 * What a server takes of one request's body unless CHAT_MAX_BODY_BYTES says
 * otherwise (shared/PROTOCOL.md): the server's default, and what the page
 * keeps to when the server has not said (`GET /api/models`, `max_body_bytes`).
 */
export const defaultMaxBodyBytes = 1_048_576;

/**
 * Limits on what one request may carry, beside the byte limit on the body:
 * the server's schema holds requests to them (lib/chat/schema.ts), and the
 * page keeps to them when it builds a request (lib/store/request-images.ts),
 * without bringing the schema's zod with it.
 */
export const requestLimits = {
  maxMessages: 1_000,
  maxTotalCharacters: 400_000,
  maxModelIdLength: 200,
  /** Images in all the messages of one request (each costs the model hundreds of tokens, and the body carries them all). */
  maxImages: 20,
} as const;
