import { connect, createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startFaultProxy, type FaultProxy } from "@/lib/testing/fault-proxy";

let echo: Server;
let proxy: FaultProxy;

beforeAll(async () => {
  echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  proxy = await startFaultProxy((echo.address() as { port: number }).port);
});

afterAll(async () => {
  await proxy.close();
  await new Promise((resolve) => echo.close(resolve));
});

/** A client through the proxy that collects what comes back. */
async function client(): Promise<{ socket: Socket; received: () => string; closed: Promise<string> }> {
  const socket = connect({ host: "127.0.0.1", port: proxy.port });
  let text = "";
  socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const closed = new Promise<string>((resolve) => {
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    socket.on("close", () => resolve("closed"));
  });
  await new Promise((resolve) => socket.once("connect", resolve));
  return { socket, received: () => text, closed };
}

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<number> {
  const startedAt = Date.now();
  while (!condition()) {
    if (Date.now() - startedAt > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - startedAt;
}

describe("fault proxy", () => {
  test("passes bytes both ways unchanged, then adds latency in order, then passes at once again", async () => {
    const { socket, received } = await client();
    socket.write("one ");
    await until(() => received() === "one ");

    proxy.setLatency(150);
    const sentAt = Date.now();
    socket.write("two ");
    socket.write("three ");
    await until(() => received() === "one two three ");
    // Both ways delayed: at least twice the latency for the round trip.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(290);

    proxy.setLatency(0);
    socket.write("four");
    expect(await until(() => received().endsWith("four"))).toBeLessThan(100);
    socket.destroy();
  });

  test("holds everything until released, keeping the connection open", async () => {
    const { socket, received } = await client();
    proxy.hold();
    socket.write("held");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received()).toBe("");
    expect(proxy.openConnections()).toBeGreaterThan(0);
    proxy.release();
    await until(() => received() === "held");
    socket.destroy();
  });

  test("drop resets open connections; refuse closes new ones", async () => {
    const first = await client();
    proxy.drop();
    expect(await first.closed).toBe("ECONNRESET");

    proxy.refuse(true);
    const refused = await client();
    expect(await refused.closed).toMatch(/closed|ECONNRESET/);
    proxy.refuse(false);
    const again = await client();
    again.socket.write("back");
    await until(() => again.received() === "back");
    again.socket.destroy();
  });
});
