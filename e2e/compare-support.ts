import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Locator, type Page } from "@playwright/test";

/** The /compare page's parts, by the names PROTOCOL.md gives them. */
export function comparePage(page: Page) {
  return {
    prompt: page.getByRole("textbox", { name: "Prompt" }),
    model: page.getByRole("combobox", { name: "Model" }),
    runs: page.getByRole("combobox", { name: "Runs" }),
    run: page.getByRole("button", { name: "Run", exact: true }),
    stop: page.getByRole("button", { name: "Stop", exact: true }),
    // Exact: "Streaming" is also part of "Non-streaming".
    streaming: page.getByRole("region", { name: "Streaming", exact: true }),
    whole: page.getByRole("region", { name: "Non-streaming", exact: true }),
    health: page.getByRole("region", { name: "Stream health", exact: true }),
  };
}

export async function runCompare(page: Page, prompt: string): Promise<void> {
  const { prompt: box, run } = comparePage(page);
  await box.fill(prompt);
  await run.click();
}

export async function waitUntilLaneDone(lane: Locator): Promise<void> {
  await expect(lane).toHaveAttribute("data-status", "done", { timeout: 20_000 });
}

export function answerOf(lane: Locator): Locator {
  return lane.locator('[data-part="answer"]');
}

/** A metric under a lane (`first-token`, `total`, `tokens-per-second`), as the number it shows. */
export async function metricOf(lane: Locator, metric: string): Promise<number> {
  const text = (await lane.locator(`[data-metric="${metric}"]`).textContent()) ?? "";
  const value = Number.parseFloat(text);
  if (!Number.isFinite(value)) throw new Error(`${metric} shows “${text}”, not a number`);
  return value;
}

/**
 * Starts recording, inside the page, both lanes' answers at every change the
 * page makes (a MutationObserver, no round trips). Returns a function that
 * reads the [streaming, non-streaming] pairs seen.
 */
export async function recordLaneTexts(page: Page): Promise<() => Promise<Array<[string, string]>>> {
  await page.evaluate(() => {
    const seen: Array<[string, string]> = [];
    (window as unknown as { laneTexts: typeof seen }).laneTexts = seen;
    const textOf = (lane: string) => document.querySelector(`[data-lane="${lane}"] [data-part="answer"]`)?.textContent ?? "";
    const main = document.querySelector("main");
    if (!main) throw new Error("no main on the page");
    new MutationObserver(() => {
      const pair: [string, string] = [textOf("streaming"), textOf("nonStreaming")];
      const last = seen.at(-1);
      if (!last || last[0] !== pair[0] || last[1] !== pair[1]) seen.push(pair);
    }).observe(main, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { laneTexts: Array<[string, string]> }).laneTexts);
}

/**
 * A reverse proxy on loopback that holds every response body until it has
 * all of it, then sends it in one piece: what nginx with proxy_buffering (or
 * any buffering proxy) does to a stream of small events.
 */
export async function startBufferingProxy(targetPort: number): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const upstream = http.request(
      { host: "127.0.0.1", port: targetPort, method: request.method, path: request.url, headers: { ...request.headers, host: `127.0.0.1:${targetPort}` } },
      (upstreamResponse) => {
        const chunks: Buffer[] = [];
        upstreamResponse.on("data", (chunk: Buffer) => chunks.push(chunk));
        upstreamResponse.on("end", () => {
          const body = Buffer.concat(chunks);
          const headers = { ...upstreamResponse.headers };
          delete headers["transfer-encoding"];
          delete headers.connection;
          delete headers["keep-alive"];
          response.writeHead(upstreamResponse.statusCode ?? 502, { ...headers, "content-length": String(body.length) });
          response.end(body);
        });
      },
    );
    upstream.on("error", () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
