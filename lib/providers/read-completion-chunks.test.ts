import http from "node:http";
import type { AddressInfo } from "node:net";
import { APIError } from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCompletionChunks } from "@/lib/providers/read-completion-chunks";

const chunkText = (content: string) =>
  `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

/** How the upstream writes: each entry is one burst (its events corked into one TCP segment); bursts are 30 ms apart. */
const scripts: Record<string, string[][]> = {
  "/bursts": [[chunkText("a"), chunkText("b"), chunkText("c")], [chunkText("d")], [chunkText("e"), "data: [DONE]\n\n"]],
  "/error": [[chunkText("a"), `data: ${JSON.stringify({ error: { message: "overloaded", type: "server_error" } })}\n\n`]],
  "/ends-with-its-last-burst": [[chunkText("a")], [chunkText("b"), "data: [DONE]\n\n"]],
};
/** Scripts whose response ends in the same TCP segment as their last burst. */
const endingWithLastBurst = new Set(["/ends-with-its-last-burst"]);

let server: http.Server;
let origin = "";

beforeAll(async () => {
  server = http.createServer(async (request, response) => {
    response.writeHead(200, { "Content-Type": "text/event-stream" });
    response.socket?.setNoDelay(true);
    const bursts = scripts[request.url ?? ""] ?? [];
    for (const [index, burst] of bursts.entries()) {
      // Each event its own HTTP chunk, as upstreams write them.
      response.cork();
      for (const event of burst) response.write(event);
      if (index === bursts.length - 1 && endingWithLastBurst.has(request.url ?? "")) return void response.end();
      response.uncork();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function get(path: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => http.get(`${origin}${path}`, resolve).on("error", reject));
}

/** What the handlers saw, in order: each chunk's content, and `|` for each read. */
async function readLog(path: string): Promise<{ log: string; error?: unknown }> {
  let log = "";
  try {
    await readCompletionChunks(await get(path), new AbortController().signal, {
      onChunk: (chunk) => (log += chunk.choices[0]?.delta?.content ?? ""),
      onRead: () => (log += "|"),
    });
    return { log };
  } catch (error) {
    return { log, error };
  }
}

describe("readCompletionChunks on a Node body", () => {
  it("hands over the chunks one socket read brought, then says the read is over once, so they can leave in one write", async () => {
    const { log, error } = await readLog("/bursts");
    expect(error).toBeUndefined();
    // One `|` per burst, after all of its chunks (not one per chunk); the end came in a read of its own.
    expect(log).toBe("abc|d|e|");
  });

  it("leaves the chunks of the read that ended the body to whoever awaits it (they may leave with the end)", async () => {
    const { log, error } = await readLog("/ends-with-its-last-burst");
    expect(error).toBeUndefined();
    expect(log).toBe("a|b");
  });

  it("throws the API error an `error` object in the stream carries, after the chunks before it", async () => {
    const { log, error } = await readLog("/error");
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain("overloaded");
    // The text before the error is handed over (the relay writes it, then the error event). Whether
    // its read was said to be over first depends on Node: 24.22 hands over one socket read's HTTP
    // chunks in one 'data' event, so the error is found before the read ends.
    expect(log.replaceAll("|", "")).toBe("a");
  });
});
