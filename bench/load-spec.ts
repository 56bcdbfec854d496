import type { Load } from "./relay-load";

/**
 * Rounds each steady worker runs. A stream counts only when all workers were
 * in flight for its whole life (bench/steady-window.ts): the first round
 * overlaps the ramp up and the last the ramp down, so R rounds leave about
 * (R - 2) × streams measured streams: 300 of 500 at 5.
 */
export const steadyRoundsPerWorker = 5;

/** When the mock sends its first token, in every load given as text. */
const firstTokenMs = 20;

/**
 * A load as `--loads` spells it: `STREAMSxTOKENS@MS` for a burst (every
 * stream started at once), `STREAMSxTOKENS@MS/steady` for steady arrivals
 * (STREAMS streams always in flight, each ended stream followed by a new one).
 * `/burst` may be written out too.
 */
export function parseLoad(text: string): Load {
  const match = /^(\d+)x(\d+)@(\d+)(?:\/(burst|steady))?$/.exec(text.trim());
  if (!match) throw new Error(`a load is STREAMSxTOKENS@MS or STREAMSxTOKENS@MS/steady, not ${JSON.stringify(text)}`);
  const [streams, tokens, intervalMs] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (streams < 1 || tokens < 1) throw new Error(`a load needs at least one stream and one token: ${JSON.stringify(text)}`);
  return {
    streams,
    tokens,
    intervalMs,
    firstTokenMs,
    arrivals: match[4] === "steady" ? { mode: "steady", roundsPerWorker: steadyRoundsPerWorker } : { mode: "burst" },
  };
}

/** A comma-separated list of loads. */
export const parseLoads = (list: string): Load[] => list.split(",").map(parseLoad);
