import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { IncomingMessage } from "node:http";
import { headersOf, httpRequest } from "@/lib/providers/http-fetch";

/**
 * Opens a streaming chat completion: the upstream's response once its status
 * is 2xx (a Web Response, or Node's own on the direct path); the SDK's errors
 * otherwise.
 */
export type OpenChatStream = (parameters: ChatCompletionCreateParamsStreaming, signal: AbortSignal) => Promise<Response | IncomingMessage>;

/** Through the SDK's whole request path (the demo model, Azure). */
export function sdkChatStream(client: OpenAI): OpenChatStream {
  return (parameters, signal) => client.chat.completions.create(parameters, { signal }).asResponse();
}

async function textOf(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * For OpenAI and compatible servers with a fixed API key: the URL and
 * headers the SDK builds for `POST /chat/completions` (auth, organization,
 * project, its own headers) are asked of it once, and each request is then
 * one `httpRequest`, answered as Node's response (no Headers or Response
 * objects unless it failed). The SDK's request path costs about 150 µs of CPU a request
 * on its own, and several times that inside Next, where each of its dozen
 * awaits pays Next's async hooks; a burst of requests waits for that before
 * its first byte. Failures are the SDK's own error classes, made the way it
 * makes them, so the errors the relay reports do not change.
 */
export function directChatStream(client: OpenAI): OpenChatStream {
  let template: Promise<{ url: URL; headers: Record<string, string> }> | undefined;
  return async (parameters, signal) => {
    template ??= client
      .buildRequest({ method: "post", path: "/chat/completions", body: {} })
      .then(({ url, req }) => ({ url: new URL(url), headers: Object.fromEntries(new Headers(req.headers)) }));
    const { url, headers } = await template;
    let response: IncomingMessage;
    try {
      response = await httpRequest(url, { method: "POST", headers, body: JSON.stringify(parameters), signal });
    } catch (error) {
      if (signal.aborted) throw new APIUserAbortError();
      const cause = error instanceof Error ? error : undefined;
      // As the SDK judges it: a connection that timed out (ETIMEDOUT included) is a timeout.
      if (/timed? ?out/i.test(String(error) + (cause?.cause === undefined ? "" : String(cause.cause)))) throw new APIConnectionTimeoutError();
      throw new APIConnectionError({ cause });
    }
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) {
      const text = await textOf(response).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      const json = parseJson(text);
      throw APIError.generate(status, json as object | undefined, json === undefined ? text : undefined, headersOf(response));
    }
    return response;
  };
}
