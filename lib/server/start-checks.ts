import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { configurationProblem, serverConfig } from "@/lib/server/server-config";
import { redisUrlProblem } from "@/lib/shared-state/redis-url-problem";

/** Stops the server before it serves anything when its configuration is unsafe or unusable, saying why. */
export function refuseUnsafeConfiguration(): void {
  const problem = configurationProblem(serverConfig()) ?? redisUrlProblem(process.env.REDIS_URL);
  if (!problem) return;
  process.stderr.write(`streamchat will not start: ${problem}\n`);
  process.exit(1);
}

function isLoopback(address: string): boolean {
  return address === "localhost" || address === "::1" || address.startsWith("127.") || address === "::ffff:127.0.0.1";
}

let warned = false;

function warnIfOpen(where: string, host: string): void {
  if (warned || isLoopback(host) || serverConfig().access.codes.length > 0) return;
  warned = true;
  process.stderr.write(
    `warning: streamchat listens on ${where} with no CHAT_ACCESS_CODES: anyone who can reach it can use its model key. Set CHAT_ACCESS_CODES and CHAT_SESSION_SECRET (see README, "Deploy").\n`,
  );
}

/**
 * One warning line when the server listens beyond loopback with no access
 * codes: an open key for anyone who finds it. At start when the standalone
 * server's HOSTNAME says so; otherwise when the server is first heard of
 * (Next may start instrumentation after its server listens).
 */
export function warnWhenOpenToTheNetwork(server?: Server): void {
  if (!server) {
    const hostname = process.env.HOSTNAME;
    if (hostname) warnIfOpen(`${hostname}:${process.env.PORT ?? 3000}`, hostname);
    return;
  }
  const address = server.address() as AddressInfo | string | null;
  if (address !== null && typeof address !== "string") warnIfOpen(`${address.address}:${address.port}`, address.address);
}
