import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpFetch, httpRequest, nodeBodyOf } from "@/lib/providers/http-fetch";
import { freePort } from "@/lib/testing/free-port";
import { isCollected } from "@/lib/testing/is-collected";

/** A loopback URL nothing listens on. */
const refusingUrl = async () => `http://127.0.0.1:${await freePort()}/`;

let server: http.Server;
let origin = "";
const seen: Array<{ method?: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({ method: request.method, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (request.url === "/slow") return void setTimeout(() => response.end("late"), 5_000);
      if (request.url === "/empty") return void response.writeHead(204).end();
      response.writeHead(request.url === "/missing" ? 404 : 200, { "Content-Type": "text/plain; charset=utf-8", "X-Request-Id": "r1" });
      response.write("héllo ");
      setTimeout(() => response.end("wörld"), 5);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("httpFetch", () => {
  it("sends the method, headers and body, and answers status, headers and body as fetch does", async () => {
    const response = await httpFetch(`${origin}/missing`, { method: "POST", headers: new Headers({ Authorization: "Bearer k", "Content-Type": "application/json" }), body: '{"a":"é"}' });
    expect(response.status).toBe(404);
    expect(response.ok).toBe(false);
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(await response.text()).toBe("héllo wörld");
    expect(seen.at(-1)).toMatchObject({ method: "POST", body: '{"a":"é"}', headers: { authorization: "Bearer k", "content-type": "application/json" } });
  });

  it("hands the Node stream to a reader that asks, until the Web body is read", async () => {
    const response = await httpFetch(`${origin}/`);
    const body = nodeBodyOf(response);
    expect(body).toBeDefined();
    const chunks: string[] = [];
    for await (const chunk of body as http.IncomingMessage) chunks.push(String(chunk));
    expect(chunks.join("")).toBe("héllo wörld");

    const other = await httpFetch(`${origin}/`);
    expect(await other.text()).toBe("héllo wörld");
    expect(nodeBodyOf(other)).toBeUndefined();
  });

  it("lets go of the request's body once the response has come, while the response is read", async () => {
    const { sent, incoming } = await (async () => {
      const body = new TextEncoder().encode('{"messages":"a long conversation"}');
      return { sent: new WeakRef(body), incoming: await httpRequest(new URL(`${origin}/`), { method: "POST", headers: {}, body, signal: new AbortController().signal }) };
    })();

    expect(await isCollected(sent)).toBe(true);
    const chunks: string[] = [];
    for await (const chunk of incoming) chunks.push(String(chunk));
    expect(chunks.join("")).toBe("héllo wörld");
    expect(seen.at(-1)?.body).toBe('{"messages":"a long conversation"}');
  });

  it("answers a bodiless status with no body", async () => {
    const response = await httpFetch(`${origin}/empty`);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("rejects with an AbortError when the signal aborts, before or while waiting", async () => {
    const before = new AbortController();
    before.abort();
    await expect(httpFetch(`${origin}/`, { signal: before.signal })).rejects.toMatchObject({ name: "AbortError" });
    const during = new AbortController();
    const pending = httpFetch(`${origin}/slow`, { signal: during.signal });
    setTimeout(() => during.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects a refused connection as undici does: TypeError 'fetch failed' with the cause", async () => {
    const error = await httpFetch(await refusingUrl()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: "ECONNREFUSED" } });
  });

  it("sends a request again on a fresh connection when the server closed the idle pooled one it went on", async () => {
    // The server answers the first request of each connection and drops any later one unanswered,
    // as a server does with a keep-alive connection it just timed out.
    const requestsByConnection = new Map<unknown, number>();
    const closing = http.createServer((request, response) => {
      const count = (requestsByConnection.get(request.socket) ?? 0) + 1;
      requestsByConnection.set(request.socket, count);
      if (count > 1) return void request.socket.destroy();
      response.end("answered");
    });
    await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/`;
    try {
      expect(await (await httpFetch(url, { method: "POST", body: "{}" })).text()).toBe("answered");
      expect(await (await httpFetch(url, { method: "POST", body: "{}" })).text()).toBe("answered");
      // The second went out twice: on the kept connection (dropped), then on a new one.
      expect([...requestsByConnection.values()].sort()).toEqual([1, 2]);
    } finally {
      closing.closeAllConnections();
      await new Promise((resolve) => closing.close(resolve));
    }
  });
});
