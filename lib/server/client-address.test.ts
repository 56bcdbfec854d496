import { Server, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, test } from "vitest";
import { clientAddress } from "@/lib/server/client-address";
import { isForeignOrigin } from "@/lib/server/request-origin";
import { stampSocketAddresses } from "@/lib/server/socket-address";

/** Sends one request to a server of this process with `headers`, and returns the headers the server saw, as a route sees them. */
async function headersSeenByServer(headers: Record<string, string>): Promise<Headers> {
  const server = new Server();
  const seen = new Promise<Headers>((resolve) =>
    server.on("request", (request, response) => {
      resolve(new Headers(Object.entries(request.headers).map(([name, value]): [string, string] => [name, String(value)])));
      response.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    httpRequest({ host: "127.0.0.1", port, headers }, (response) => response.resume().on("end", resolve)).on("error", reject).end();
  });
  server.close();
  return seen;
}

describe("the client's address", () => {
  // What instrumentation.ts does at start, here for the test's own servers.
  stampSocketAddresses(Server, () => undefined);

  test("without a trusted proxy it is the socket's address; forged forwarding headers change nothing", async () => {
    const headers = await headersSeenByServer({
      "x-forwarded-for": "203.0.113.7",
      "x-real-ip": "198.51.100.1",
      "x-streamchat-socket-address": "forged 203.0.113.9",
    });
    expect(clientAddress(headers, false)).toBe("127.0.0.1");
  });

  test("behind a trusted proxy it is the entry the nearest proxy added, not what the client claimed", async () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.7, 10.1.2.3" }), true)).toBe("10.1.2.3");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.1" }), true)).toBe("198.51.100.1");
  });

  test("a stamp header sent by a client, without this process's token, is not believed", () => {
    expect(clientAddress(new Headers({ "x-streamchat-socket-address": "guess 203.0.113.9" }), false)).toBe("unknown");
  });
});

describe("the request's origin", () => {
  const access = { allowedOrigins: ["https://partner.example"], trustProxy: false };
  const withHeaders = (headers: Record<string, string>) => new Request("http://internal:3000/api/chat", { headers });

  test("no Origin (curl, servers) is judged by access alone", () => {
    expect(isForeignOrigin(withHeaders({ host: "chat.example" }), access)).toBe(false);
  });

  test("the Host, in either scheme when no proxy is trusted (TLS may end before us)", () => {
    expect(isForeignOrigin(withHeaders({ host: "chat.example", origin: "https://chat.example" }), access)).toBe(false);
    expect(isForeignOrigin(withHeaders({ host: "chat.example", origin: "https://chat.example.evil.test" }), access)).toBe(true);
    expect(isForeignOrigin(withHeaders({ host: "chat.example", origin: "https://partner.example" }), access)).toBe(false);
  });

  test("behind a trusted proxy, X-Forwarded-Host and -Proto name the origin exactly", () => {
    const trusted = { ...access, trustProxy: true };
    const forwarded = { host: "internal:3000", "x-forwarded-host": "chat.example", "x-forwarded-proto": "https" };
    expect(isForeignOrigin(withHeaders({ ...forwarded, origin: "https://chat.example" }), trusted)).toBe(false);
    expect(isForeignOrigin(withHeaders({ ...forwarded, origin: "http://chat.example" }), trusted)).toBe(true);
    expect(isForeignOrigin(withHeaders({ ...forwarded, origin: "http://internal:3000" }), trusted)).toBe(true);
  });
});
