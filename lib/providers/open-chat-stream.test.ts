import http from "node:http";
import type { AddressInfo } from "node:net";
import OpenAI, { type APIError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpFetch } from "@/lib/providers/http-fetch";
import { directChatStream, sdkChatStream } from "@/lib/providers/open-chat-stream";

let server: http.Server;
let baseURL = "";
const seen: Array<{ url?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ url: request.url, headers: request.headers, body });
      const status = Number(/"content":"status (\d+)/.exec(body)?.[1] ?? 200);
      if (status === 200) {
        response.writeHead(200, { "Content-Type": "text/event-stream" });
        return void response.end('data: {"choices":[]}\n\ndata: [DONE]\n\n');
      }
      const plain = /plain/.test(body);
      response.writeHead(status, { "Content-Type": plain ? "text/plain" : "application/json", "Retry-After": "7" });
      response.end(plain ? "bad gateway, sk-secret" : JSON.stringify({ error: { message: "Incorrect API key sk-secret", type: "x", code: "c" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const client = () => new OpenAI({ apiKey: "sk-test", baseURL, maxRetries: 0, fetch: httpFetch, organization: "org-1", project: "proj-1" });
const parameters = (content: string) => ({ model: "m", messages: [{ role: "user" as const, content }], stream: true as const });

describe("directChatStream", () => {
  it("sends the request the SDK sends: URL, auth, organization, project, content type, body", async () => {
    const openAI = client();
    await sdkChatStream(openAI)(parameters("hi"), new AbortController().signal);
    const viaSdk = seen.at(-1);
    const response = await directChatStream(openAI)(parameters("hi"), new AbortController().signal);
    const direct = seen.at(-1);

    // The direct path answers Node's own response: no Headers or Response per answer.
    if (!(response instanceof http.IncomingMessage)) throw new Error("expected Node's response");
    expect(response.statusCode).toBe(200);
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString("utf8")).toContain("[DONE]");
    expect(direct?.url).toBe(viaSdk?.url);
    expect(direct?.body).toBe(viaSdk?.body);
    // The host's port and the connection's reuse differ by the socket, not by the request.
    const requestHeaders = (headers: http.IncomingHttpHeaders = {}) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "host" && name !== "connection"));
    const directHeaders = requestHeaders(direct?.headers);
    expect(directHeaders).toEqual(requestHeaders(viaSdk?.headers));
    expect(directHeaders).toMatchObject({ authorization: "Bearer sk-test", "openai-organization": "org-1", "openai-project": "proj-1" });
  });

  it.each(["status 400", "status 401", "status 429", "status 500", "status 502 plain"])("fails as the SDK does on %s", async (content) => {
    const openAI = client();
    const fromSdk = await sdkChatStream(openAI)(parameters(content), new AbortController().signal).catch((error: unknown) => error);
    const direct = await directChatStream(openAI)(parameters(content), new AbortController().signal).catch((error: unknown) => error);

    expect(direct).toBeInstanceOf((fromSdk as object).constructor);
    expect(direct).toMatchObject({ status: (fromSdk as APIError).status, message: (fromSdk as Error).message, error: (fromSdk as APIError).error });
    expect((direct as APIError).headers?.get("retry-after")).toBe("7");
  });

  it("fails with APIConnectionError when refused, and APIUserAbortError when aborted", async () => {
    const refused = new OpenAI({ apiKey: "k", baseURL: "http://127.0.0.1:1/v1", maxRetries: 0, fetch: httpFetch });
    await expect(directChatStream(refused)(parameters("hi"), new AbortController().signal)).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    const abort = new AbortController();
    abort.abort();
    await expect(directChatStream(client())(parameters("hi"), abort.signal)).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
  });
});
