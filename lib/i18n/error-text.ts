import type { ErrorTexts, ServerErrorCode } from "@/lib/i18n/error-texts";

/**
 * What to show for a failed answer. The page's own failures (it could not
 * reach the server, the connection broke, the answer was not a stream) are
 * said in the reader's language. A server's error is said in the reader's
 * language when the page knows its code; otherwise (and on an English page)
 * it keeps the server's words, which the protocol defines.
 */
export function errorText(error: { code: string; message: string; retryable?: boolean; reason?: string }, texts: ErrorTexts): string {
  switch (error.code) {
    case "network_error":
      return texts.networkError;
    case "connection_lost":
      return texts.connectionLost;
    case "bad_response":
      return texts.badResponse;
    case "page_error":
      return texts.pageError;
    case "answer_gone":
      return texts.answerGone;
    case "reconnect_failed":
      return texts.reconnectFailed;
  }
  const status = /^http_(\d{3})$/.exec(error.code)?.[1];
  if (status !== undefined) return texts.httpStatus(status);
  // The same code says two things: a server that failed (retry) or one that refused the request (do not),
  // and a refusal may say why (`reason`), so that the person knows what to change.
  const refusal = error.reason === undefined ? undefined : texts.server[error.reason as ServerErrorCode];
  const code = error.code === "upstream_error" && error.retryable === false ? "upstream_refused" : error.code;
  return refusal ?? texts.server[code as ServerErrorCode] ?? error.message;
}
