import http from "node:http";
import type { AddressInfo } from "node:net";
import { scenarioFor, type Scenario, type ScenarioName } from "./scenarios";
import { stampedToken } from "./stamped-token";

/** What the mock saw of one chat request: tests assert on it (e.g. that Stop closed the upstream). */
export interface MockRequestRecord {
  id: number;
  scenario: ScenarioName;
  path: string;
  authorization: string | undefined;
  apiKey: string | undefined;
  body: Record<string, unknown>;
  startedAt: number;
  endedAt: number | undefined;
  /** The client closed the connection before the mock had finished its answer. */
  closedByClient: boolean;
  tokensSent: number;
  tokensPlanned: number;
  /** When the last token was written, in ms since the epoch (fractional: the page benchmark times its catch-up from it). */
  lastTokenSentAt: number | undefined;
}

export interface MockServer {
  /** The `OPENAI_BASE_URL` to use: `http://127.0.0.1:PORT/v1`. */
  baseUrl: string;
  origin: string;
  requests: MockRequestRecord[];
  close(): Promise<void>;
}

/** What `GET /v1/models` lists. */
export const mockModelIds = ["mock-model", "mock-reasoner", "nomic-embed-text"];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** Writes `text`, cut into 1-, 2- and 3-byte pieces when the scenario says so, each its own write. */
async function write(response: http.ServerResponse, text: string, split: boolean): Promise<void> {
  if (!split) {
    response.write(text);
    return;
  }
  const bytes = Buffer.from(text, "utf8");
  for (let offset = 0, size = 1; offset < bytes.length; offset += size, size = (size % 3) + 1) {
    response.write(bytes.subarray(offset, offset + size));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function chunkJson(record: MockRequestRecord, choices: unknown[], extra: Record<string, unknown> = {}): string {
  const model = record.body.model ?? "mock-model";
  return `data: ${JSON.stringify({ id: `chatcmpl-mock-${record.id}`, object: "chat.completion.chunk", created: 1, model, choices, ...extra })}\n\n`;
}

/** Prompts of `reset_once` requests seen: the first is reset before any answer, the next answered. */
const resetPrompts = new Set<string>();

async function answer(scenario: Scenario, record: MockRequestRecord, response: http.ServerResponse): Promise<void> {
  if (scenario.name === "reset_once") {
    const prompt = JSON.stringify(record.body.messages);
    if (!resetPrompts.has(prompt)) {
      resetPrompts.add(prompt);
      response.socket?.destroy();
      return;
    }
  }
  const completionTokens = scenario.reasoningTokens.length + scenario.tokens.length;
  const usage = { prompt_tokens: 11, completion_tokens: completionTokens, total_tokens: 11 + completionTokens };
  if (scenario.status !== undefined) {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (scenario.retryAfter) headers["Retry-After"] = scenario.retryAfter;
    response.writeHead(scenario.status, headers);
    // Real upstreams put a masked key in their messages: the app must never pass it on.
    const message = scenario.errorMessage ?? "Incorrect API key provided: sk-mock********************abcd.";
    const error = { message, type: "mock_error", code: scenario.errorCode ?? "mock", param: scenario.errorParam ?? null };
    response.end(JSON.stringify({ error }));
    return;
  }
  if (record.body.stream !== true) {
    await sleep(scenario.firstTokenMs + scenario.intervalMs * scenario.tokens.length);
    record.tokensSent = scenario.tokens.length;
    const reasoning = scenario.reasoningTokens.length > 0 ? { [scenario.reasoningField]: scenario.reasoningTokens.join("") } : {};
    const message = { role: "assistant", content: scenario.tokens.join(""), ...reasoning };
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ id: `chatcmpl-mock-${record.id}`, object: "chat.completion", created: 1, model: record.body.model, choices: [{ index: 0, message, finish_reason: scenario.finishReason }], usage }));
    return;
  }

  response.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  response.flushHeaders();
  response.socket?.setNoDelay(true);
  await sleep(scenario.firstTokenMs);
  const filterResults = scenario.azureShape ? { content_filter_results: { hate: { filtered: false, severity: "safe" } } } : {};
  if (scenario.azureShape) {
    await write(response, chunkJson(record, [], { prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }] }), scenario.splitBytes);
  }
  await write(response, chunkJson(record, [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]), scenario.splitBytes);
  if (scenario.thinkMs > 0) await sleep(scenario.thinkMs);
  // A burst's chunks leave in one write, as an upstream's back-to-back tokens reach the relay together.
  let batch = "";
  let batched = 0;
  const sendBatch = async () => {
    if (batch === "") return;
    await write(response, batch, scenario.splitBytes);
    record.tokensSent += batched;
    record.lastTokenSentAt = performance.timeOrigin + performance.now();
    batch = "";
    batched = 0;
  };
  // The reasoning first, as reasoning models send it: DeepSeek with `content: null`, Ollama with `content: ""`.
  const reasoningDelta = (token: string) =>
    scenario.reasoningField === "reasoning" ? { content: "", reasoning: token } : { content: null, reasoning_content: token };
  const reasoningCount = scenario.reasoningTokens.length;
  for (let sent = 0; sent < reasoningCount + scenario.tokens.length; sent += 1) {
    if (record.closedByClient) return;
    // `index`: of the answer's tokens (what `after` and `stamp` count), negative while the model reasons.
    const index = sent - reasoningCount;
    if (index === scenario.after) {
      await sendBatch();
      if (scenario.name === "drop") {
        // Break where the next token would come: destroying the socket right after a write
        // can discard that write's bytes on the client side before they are read.
        await sleep(Math.max(scenario.intervalMs, 20));
        return void response.socket?.destroy();
      }
      if (scenario.name === "stall") return; // silent until the client gives up
      if (scenario.name === "truncated") return void response.end();
    }
    // The answer's first token never comes in the same write as the reasoning before it.
    if ((sent > 0 && sent % scenario.burst === 0) || (index === 0 && reasoningCount > 0)) {
      await sendBatch();
      await sleep(scenario.intervalMs);
    }
    if (record.closedByClient) return;
    if (index < 0) {
      batch += chunkJson(record, [{ index: 0, delta: reasoningDelta(scenario.reasoningTokens[sent] as string), finish_reason: null }]);
    } else {
      const content = scenario.stamp === undefined ? (scenario.tokens[index] as string) : stampedToken(scenario.stamp, index);
      batch += chunkJson(record, [{ index: 0, delta: { content }, finish_reason: null, ...filterResults }]);
    }
    batched += 1;
  }
  await sendBatch();
  await write(response, chunkJson(record, [{ index: 0, delta: {}, finish_reason: scenario.finishReason }]), scenario.splitBytes);
  const options = record.body.stream_options as { include_usage?: boolean } | undefined;
  if (options?.include_usage) await write(response, chunkJson(record, [], { usage }), scenario.splitBytes);
  await write(response, "data: [DONE]\n\n", scenario.splitBytes);
  response.end();
}

/** An OpenAI-compatible server on loopback that answers as its scenarios say (`mock/scenarios.ts`). */
export async function startMockServer(port = 0): Promise<MockServer> {
  const requests: MockRequestRecord[] = [];
  const server = http.createServer(async (request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (path === "/__mock/requests") {
      if (request.method === "DELETE") requests.length = 0;
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify(requests));
      return;
    }
    if (request.method === "GET" && path.endsWith("/models")) {
      // As Ollama lists what was pulled: chat models, and an embedding model the page should not offer.
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ object: "list", data: mockModelIds.map((id) => ({ id, object: "model", created: 1, owned_by: "mock" })) }));
      return;
    }
    if (request.method !== "POST" || !path.endsWith("/chat/completions")) {
      response.writeHead(404, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ error: { message: `mock: no route ${request.method} ${path}` } }));
      return;
    }
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    const scenario = scenarioFor((body.messages as Array<{ role: string; content: unknown }>) ?? []);
    const record: MockRequestRecord = {
      id: requests.length,
      scenario: scenario.name,
      path: request.url ?? "",
      authorization: request.headers.authorization,
      apiKey: request.headers["api-key"] as string | undefined,
      body,
      startedAt: Date.now(),
      endedAt: undefined,
      closedByClient: false,
      tokensSent: 0,
      tokensPlanned: scenario.reasoningTokens.length + scenario.tokens.length,
      lastTokenSentAt: undefined,
    };
    requests.push(record);
    if (scenario.numbered) {
      scenario.tokens.push(` [answer ${record.id}]`);
      record.tokensPlanned += 1;
    }
    response.on("close", () => {
      record.endedAt = Date.now();
      if (!response.writableFinished) record.closedByClient = true;
    });
    await answer(scenario, record, response);
  });
  // A deep accept queue: the benchmark opens 1,000 connections at once, and an overflowing queue
  // drops connections for a second or more (SYN retries), which would be timed as the relay's.
  await new Promise<void>((resolve) => server.listen({ port, host: "127.0.0.1", backlog: 4096 }, resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
