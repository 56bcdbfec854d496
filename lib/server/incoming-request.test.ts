import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { incomingRequestFromNode, type NodeIncomingRequest } from "@/lib/server/incoming-request";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves one request: `handle` gets it as a NodeIncomingRequest, with its response. */
async function serveOnce(handle: (incoming: NodeIncomingRequest, response: http.ServerResponse) => void): Promise<string> {
  server = http.createServer((request, response) => handle(incomingRequestFromNode(request, response), response));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`;
}

describe("incomingRequestFromNode", () => {
  it("tells of a client that had already gone at once, and its signal, first read after, is aborted", async () => {
    const heard = new Promise<{ atOnce: boolean; aborted: boolean }>((resolve, reject) => {
      void serveOnce((incoming, response) => {
        response.once("close", () => {
          let atOnce = false;
          incoming.whenClientGone(() => (atOnce = true));
          resolve({ atOnce, aborted: incoming.signal.aborted });
        });
      }).then((url) => {
        const request = http.request(url, { method: "POST" });
        request.on("error", () => undefined);
        request.write("{");
        setTimeout(() => request.destroy(), 20);
      }, reject);
    });
    expect(await heard).toEqual({ atOnce: true, aborted: true });
  });

  it("tells of a client that goes while its answer is under way, and aborts a signal read before", async () => {
    const heard = new Promise<{ told: number; aborted: boolean }>((resolve, reject) => {
      void serveOnce((incoming, response) => {
        const signal = incoming.signal;
        let told = 0;
        incoming.whenClientGone(() => (told += 1));
        response.writeHead(200).write("partial");
        response.once("close", () => setTimeout(() => resolve({ told, aborted: signal.aborted }), 10));
      }).then((url) => {
        const request = http.request(url, { method: "POST" }, (answer) => answer.once("data", () => request.destroy()));
        request.on("error", () => undefined);
        request.end("{}");
      }, reject);
    });
    expect(await heard).toEqual({ told: 1, aborted: true });
  });

  it("says nothing of a client that stayed until the response was sent to its end", async () => {
    let told = 0;
    let signal: AbortSignal | undefined;
    const url = await serveOnce((incoming, response) => {
      signal = incoming.signal;
      incoming.whenClientGone(() => (told += 1));
      response.end("whole");
    });
    const body = await (await fetch(url, { method: "POST", body: "{}" })).text();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(body).toBe("whole");
    expect(told).toBe(0);
    expect(signal?.aborted).toBe(false);
  });
});
