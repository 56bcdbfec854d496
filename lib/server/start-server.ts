import { Server } from "node:http";
import { chatServer } from "@/lib/server/chat-server";
import { stampSocketAddresses } from "@/lib/server/socket-address";
import { refuseUnsafeConfiguration, warnWhenOpenToTheNetwork } from "@/lib/server/start-checks";

/**
 * What the Node server does once at start: refuse an unsafe configuration,
 * stamp each request with its socket's address (see socket-address.ts), and
 * warn when it is open to the network without access codes. Then it makes
 * the chat server, so that with REDIS_URL its connections to Redis are made
 * now, not by the first request: that request waits for none (a request
 * that finds the first connection still being made waits up to 250 ms for
 * it; before that wait, it counted its rate limit alone), and an instance
 * that cannot reach Redis says so as it starts.
 */
export function startServer(): void {
  refuseUnsafeConfiguration();
  warnWhenOpenToTheNetwork();
  stampSocketAddresses(Server, warnWhenOpenToTheNetwork);
  chatServer();
}
