import http from "node:http";
import { cpuMicros } from "./process-usage";

/** One request, read to its end; a reset connection counts as done (the figure is CPU per request sent). */
function postOnce(url: URL, agent: http.Agent): Promise<void> {
  return new Promise((resolve) => {
    const request = http.request(url, { method: "POST", agent, headers: { "Content-Type": "application/json" } }, (response) => {
      response.resume();
      response.on("end", resolve);
      response.on("error", () => resolve());
    });
    request.on("error", () => resolve());
    request.end("{}");
  });
}

/**
 * Server CPU (user + system, µs) per request of a fixed SSE route
 * (bench/next-alone-routes.ts: `/api/bench/fixed`, a Route Handler, or
 * `/api/bench/fixed-pages`, a Pages API route), `concurrency` requests at
 * once, `rounds` times: what Next alone costs to answer one streaming request.
 */
export async function measureNextAlone(origin: string, serverPid: number, concurrency: number, path: string, rounds = 3): Promise<number> {
  const url = new URL(path, origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  try {
    await Promise.all(Array.from({ length: concurrency }, () => postOnce(url, agent)));
    const before = cpuMicros(serverPid);
    for (let round = 0; round < rounds; round++) await Promise.all(Array.from({ length: concurrency }, () => postOnce(url, agent)));
    return (cpuMicros(serverPid) - before) / (concurrency * rounds);
  } finally {
    agent.destroy();
  }
}
