import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stampedToken } from "../mock/stamped-token";
import { percentile, sortedCopy } from "./statistics";
import { readStream } from "./stream-reader";

/** A server that answers each request with the chunks `responses` holds for its path, each its own write. */
const responses = new Map<string, Array<string | Buffer>>();
let origin = "";
let server: http.Server;
const agent = new http.Agent({ keepAlive: true });

beforeAll(async () => {
  server = http.createServer(async (request, response) => {
    const chunks = responses.get(request.url ?? "") ?? [];
    if (request.url === "/reset") return void request.socket.destroy();
    response.writeHead(200, { "Content-Type": "text/event-stream" });
    for (const chunk of chunks) {
      response.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const delta = (content: string, id: number) => `id: ${id}\nevent: delta\ndata: ${JSON.stringify({ content })}\n\n`;
const ending = 'id: 9\nevent: finish\ndata: {"finish_reason":"stop"}\n\ndata: [DONE]\n\n';

async function read(path: string, chunks: Array<string | Buffer>, tokens = 3) {
  responses.set(path, chunks);
  return readStream({ url: new URL(path, origin), body: "{}", endsWithFinish: true }, "t", tokens, agent);
}

describe("readStream", () => {
  it("pairs each token with its own send stamp and finds the stream exact", async () => {
    const bytes = Buffer.from([0, 1, 2].map((index) => delta(stampedToken("t", index), index)).join("") + ending);
    // Cut inside a guillemet (two bytes in UTF-8) and inside a later event.
    const firstGuillemet = bytes.indexOf(Buffer.from("«"));
    const reading = await read("/exact", [bytes.subarray(0, firstGuillemet + 1), bytes.subarray(firstGuillemet + 1, 70), bytes.subarray(70)]);
    expect(reading).toMatchObject({ exact: true, reset: false, status: 200 });
    expect(reading.problem).toBeUndefined();
    expect(reading.lagMicros).toHaveLength(3);
    expect(reading.lagMicros.every((lag) => lag >= 0 && lag < 5_000_000)).toBe(true);
    expect(reading.timeToFirstTokenMicros).toBeGreaterThan(0);
    // Each token's arrival lies within the stream's life, in order (a steady load counts tokens and streams by these).
    const times = [reading.startedAtMicros, ...reading.arrivedAtMicros, reading.endedAtMicros];
    expect(reading.arrivedAtMicros).toHaveLength(3);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each([
    ["a token missing", [0, 2], "token 1 was"],
    ["tokens out of order", [1, 0, 2], "token 0 was"],
    ["a token twice", [0, 1, 1, 2], "token 2 was"],
    ["too few tokens", [0, 1], "2 of 3 tokens"],
  ])("is not exact with %s", async (_, indexes, problem) => {
    const reading = await read(`/order-${indexes.join("")}`, [indexes.map((index) => delta(stampedToken("t", index), index)).join("") + ending]);
    expect(reading.exact).toBe(false);
    expect(reading.problem).toContain(problem);
  });

  it("is not exact when two tokens come in one delta, or another stream's token comes", async () => {
    const joined = await read("/joined", [delta(stampedToken("t", 0) + stampedToken("t", 1), 1) + delta(stampedToken("t", 2), 2) + ending]);
    expect(joined.exact).toBe(false);
    const foreign = await read("/foreign", [[0, 1, 2].map((index) => delta(stampedToken(index === 1 ? "u" : "t", index), index)).join("") + ending]);
    expect(foreign.exact).toBe(false);
  });

  it("is not exact after an error event, without finish or without [DONE]", async () => {
    const tokens = [0, 1, 2].map((index) => delta(stampedToken("t", index), index)).join("");
    const error = await read("/error", [tokens + 'event: error\ndata: {"code":"timeout"}\n\ndata: [DONE]\n\n']);
    expect(error.problem).toBe("error event timeout");
    expect((await read("/no-finish", [tokens + "data: [DONE]\n\n"])).problem).toBe("no finish_reason");
    expect((await read("/no-done", [tokens + 'event: finish\ndata: {"finish_reason":"stop"}\n\n'])).problem).toBe("no [DONE]");
  });

  it("counts a reset connection", async () => {
    const reading = await read("/reset", []);
    expect(reading).toMatchObject({ exact: false, reset: true });
  });
});

describe("percentile", () => {
  it("takes the nearest rank of an ascending copy", () => {
    const sorted = sortedCopy([5, 1, 4, 2, 3, 10, 9, 8, 7, 6]);
    expect([...sorted]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentile(sorted, 0.5)).toBe(5);
    expect(percentile(sorted, 0.99)).toBe(10);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(new Float64Array(), 0.5)).toBeUndefined();
  });
});
