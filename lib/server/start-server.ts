import { Server } from "node:http";
import { chatServer } from "@/lib/server/chat-server";
import { stampSocketAddresses } from "@/lib/server/socket-address";
import { refuseUnsafeConfiguration, warnWhenOpenToTheNetwork } from "@/lib/server/start-checks";

/**
 * What the Node server does once at start: refuse an unsafe configuration,
 * stamp each request with its socket's address (see socket-address.ts), and
 * warn when it is open to the network without access codes. Then it makes
 * the chat server, so that with REDIS_URL its connections to Redis are made
 * now, not by the first request: a request that finds Redis still
 * connecting counts its rate limit in this instance's memory, so a new
 * instance's first requests counted toward no shared limit (the e2e test
 * "a new instance connects to Redis as it starts" saw it). It also says at
 * start, not at the first request, when Redis cannot be reached.
 */
export function startServer(): void {
  refuseUnsafeConfiguration();
  warnWhenOpenToTheNetwork();
  stampSocketAddresses(Server, warnWhenOpenToTheNetwork);
  chatServer();
}
