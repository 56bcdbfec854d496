import { waitUntil } from "@vercel/functions";

/**
 * Asks the platform to keep this function alive until `work` is done, even
 * after the response has ended: Vercel freezes a function once its response
 * is over, and a resumable answer goes on for its grace period after its
 * client has gone. The chat route is a Pages API route (it writes Node's
 * response directly), where Next's `after` does not exist; Vercel's own
 * `waitUntil` works in any function. Elsewhere (`next start`, a container,
 * a unit test) it does nothing: the process outlives the answer anyway.
 */
export function keepAliveUntil(work: Promise<unknown>): void {
  void waitUntil(work);
}
