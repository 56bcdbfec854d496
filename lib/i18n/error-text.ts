import type { Messages } from "@/lib/i18n/messages";

/**
 * What to show for a failed answer. The page's own failures (it could not
 * reach the server, the connection broke, the answer was not a stream) are
 * said in the reader's language; a server's error keeps the server's words,
 * which the protocol defines.
 */
export function errorText(error: { code: string; message: string }, texts: Messages["error"]): string {
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
  return status === undefined ? error.message : texts.httpStatus(status);
}
