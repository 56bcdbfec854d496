import { after } from "next/server";

/**
 * Asks the platform to keep this function alive until `work` is done, even
 * after the response has ended (Vercel freezes a function once its response
 * is over; `after` is how Next says "not yet"). The outcome line is written
 * when an answer ends, which can be after its client has gone.
 */
export function keepAliveUntil(work: Promise<unknown>): void {
  try {
    after(work);
  } catch (error) {
    // Outside a request (a unit test calling the route directly) there is no platform to keep alive.
    if (!(error instanceof Error && /outside a request scope/i.test(error.message))) throw error;
  }
}
