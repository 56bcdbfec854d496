import { describe, expect, test } from "vitest";
import type { ChatEvent } from "@/lib/chat/events";
import { ChatClientError } from "@/lib/client/chat-client-error";
import { completeChat, streamChat } from "@/lib/client/chat-stream";
import { drain, encoder, fakeServer, type FakeServer, rejectionOf, request, sseResponse, wire } from "@/lib/client/testing/fake-chat-server";

describe("errors before an answer starts", () => {
  function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): FakeServer {
    return fakeServer(() => Response.json({ error: { code, message } }, { status, headers }));
  }

  interface ErrorCase {
    status: number;
    code: string;
    message: string;
    headers: Record<string, string>;
    retryable: boolean;
    retryAfterSeconds: number | undefined;
  }

  test.each<ErrorCase>([
    { status: 400, code: "invalid_request", message: "messages.0.role: the last message must come from the user", headers: {}, retryable: false, retryAfterSeconds: undefined },
    { status: 429, code: "rate_limited", message: "Too many requests.", headers: { "Retry-After": "12" }, retryable: true, retryAfterSeconds: 12 },
    { status: 503, code: "overloaded", message: "The server is busy.", headers: { "Retry-After": "3" }, retryable: true, retryAfterSeconds: 3 },
    { status: 401, code: "unauthorized", message: "Access code needed.", headers: {}, retryable: false, retryAfterSeconds: undefined },
  ])("$status $code becomes a ChatClientError with the server's code and message", async ({ status, code, message, headers, retryable, retryAfterSeconds }) => {
    const server = jsonError(status, code, message, headers);
    const streamed = (await drain(streamChat(request, { fetch: server.fetch }))).error;
    const completed = await rejectionOf(completeChat(request, { fetch: server.fetch }));
    for (const error of [streamed, completed]) {
      expect(error).toBeInstanceOf(ChatClientError);
      expect(error).toMatchObject({ code, message, retryable, retryAfterSeconds });
    }
  });

  test("an HTML 504 from a proxy becomes http_504, retryable", async () => {
    const server = fakeServer(() => new Response("<html><body>504 Gateway Time-out</body></html>", { status: 504, headers: { "Content-Type": "text/html" } }));
    const { error } = await drain(streamChat(request, { fetch: server.fetch }));
    expect(error).toBeInstanceOf(ChatClientError);
    expect(error).toMatchObject({ code: "http_504", retryable: true, retryAfterSeconds: undefined });
  });

  test("a fetch that rejects with TypeError becomes network_error, keeping the cause", async () => {
    const cause = new TypeError("Failed to fetch");
    const server = fakeServer(() => Promise.reject(cause));
    const { events, error } = await drain(streamChat(request, { fetch: server.fetch }));
    expect(events).toEqual([]);
    expect(error).toBeInstanceOf(ChatClientError);
    expect(error).toMatchObject({ code: "network_error", retryable: true, cause });
    await expect(completeChat(request, { fetch: server.fetch })).rejects.toMatchObject({ code: "network_error" });
  });
});

describe("aborting", () => {
  function expectAbortError(error: unknown): void {
    expect(error).not.toBeInstanceOf(ChatClientError);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
  }

  test("while waiting for the answer surfaces an AbortError", async () => {
    const controller = new AbortController();
    const server = fakeServer(() => new Promise<Response>(() => undefined));
    const result = drain(streamChat(request, { fetch: server.fetch, signal: controller.signal }));
    controller.abort();
    expectAbortError((await result).error);
  });

  test("mid-stream surfaces an AbortError after the deltas so far", async () => {
    const controller = new AbortController();
    const server = fakeServer((signal) => sseResponse([encoder.encode(wire(0, "delta", { content: "Partial" }))], signal, false));
    const seen: ChatEvent[] = [];
    let caught: unknown;
    try {
      for await (const event of streamChat(request, { fetch: server.fetch, signal: controller.signal })) {
        seen.push(event);
        controller.abort();
      }
    } catch (error) {
      caught = error;
    }
    expect(seen).toEqual([{ type: "delta", content: "Partial" }]);
    expectAbortError(caught);
  });

  test("completeChat surfaces an AbortError too", async () => {
    const controller = new AbortController();
    const server = fakeServer(() => new Promise<Response>(() => undefined));
    const result = rejectionOf(completeChat(request, { fetch: server.fetch, signal: controller.signal }));
    controller.abort();
    expectAbortError(await result);
  });
});
