import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Sends a whole Web Response (an error, a JSON answer) on Node's response.
 * A request whose body was left unread (refused before or while reading it)
 * gets `Connection: close`, so Node does not read the rest just to reuse the
 * connection.
 */
export async function writeNodeResponse(request: IncomingMessage, response: ServerResponse, reply: Response): Promise<void> {
  const body = reply.body ? Buffer.from(await reply.arrayBuffer()) : undefined;
  const headers: Record<string, string | string[]> = {};
  reply.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const cookies = reply.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  if (!request.complete) headers.connection = "close";
  response.writeHead(reply.status, headers);
  response.end(body);
}
