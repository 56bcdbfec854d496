/** Error codes of shared/PROTOCOL.md, with the HTTP status each answers with before an answer starts. */
export const errorStatus = {
  invalid_json: 400,
  invalid_request: 400,
  unauthorized: 401,
  forbidden_origin: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  auth_failed: 502,
  upstream_unavailable: 502,
  upstream_error: 502,
  timeout: 504,
  overloaded: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
