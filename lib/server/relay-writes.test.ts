import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relayFrom } from "@/lib/server/test-support";

const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
  `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices, ...extra })}\n\n`;

/** An upstream whose whole answer, and the end of its response, come in one TCP segment. */
let server: http.Server;
let baseUrl = "";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    request.resume();
    request.once("end", () => {
      response.writeHead(200, { "Content-Type": "text/event-stream" });
      response.cork();
      response.write(chunk([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]));
      response.write(chunk([{ index: 0, delta: { content: "Hello" }, finish_reason: null }]));
      response.write(chunk([{ index: 0, delta: {}, finish_reason: "stop" }]));
      response.write(chunk([], { usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } }));
      response.write("data: [DONE]\n\n");
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("the relay's writes", () => {
  it("writes start at once, then the last read's deltas, usage, finish and [DONE] with the end of the response, in one write", async () => {
    const reader = relayFrom(baseUrl, "hi").body.getReader();
    const decoder = new TextDecoder();
    const writes: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) writes.push(decoder.decode(read.value));

    expect(writes).toHaveLength(2);
    expect(writes[0]).toMatch(/^id: 0\nevent: start\n/);
    expect(writes[1]).toBe(
      'id: 1\nevent: delta\ndata: {"content":"Hello"}\n\n' +
        'id: 2\nevent: usage\ndata: {"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}\n\n' +
        'id: 3\nevent: finish\ndata: {"finish_reason":"stop"}\n\n' +
        "data: [DONE]\n\n",
    );
  });
});
