import { Server } from "node:http";
import { stampSocketAddresses } from "@/lib/server/socket-address";
import { refuseUnsafeConfiguration, warnWhenOpenToTheNetwork } from "@/lib/server/start-checks";

/**
 * What the Node server does once at start: refuse an unsafe configuration,
 * stamp each request with its socket's address (see socket-address.ts), and
 * warn when it is open to the network without access codes.
 */
export function startServer(): void {
  refuseUnsafeConfiguration();
  warnWhenOpenToTheNetwork();
  stampSocketAddresses(Server, warnWhenOpenToTheNetwork);
}
