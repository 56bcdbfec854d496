/**
 * Helpers for the server's tests: read a response the way a client would
 * (raw bytes, or SSE messages checked against the protocol's event schema),
 * collect outcome records, and relay one answer from a mock upstream.
 */
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { chatEventSchema, doneSentinel, type ChatEvent } from "@/lib/chat/events";
import { chatRequestSchema, type ChatRequestInput } from "@/lib/chat/schema";
import { providerFromEnvironment } from "@/lib/providers/provider-from-environment";
import { newAnswerId } from "@/lib/server/answer-id";
import { onOutcome, type Outcome } from "@/lib/server/outcome";
import type { RelayOptions } from "@/lib/server/relay";
import { relayChatStream } from "@/lib/testing/relay-chat-stream";
import { decodeSse, type SseMessage } from "@/lib/sse/decode";
import { startMockServer, type MockServer } from "@/mock/mock-server";

/** Points the providers at the offline demo model, as fast as it goes: an answer comes at once. Call before importing a route. */
export function stubFastDemoModel(stub: (name: string, value: string) => void): void {
  stub("OPENAI_API_KEY", "");
  stub("AZURE_OPENAI_API_KEY", "");
  stub("DEMO_FIRST_TOKEN_MS", "1");
  stub("DEMO_TOKENS_PER_SECOND", "100000");
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once `condition` holds; rejects (naming `what`) after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

/** Every byte of a body, decoded as UTF-8 (fatal: a broken character fails the test). */
export async function readText(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) throw new Error("the response has no body");
  const bytes = new Uint8Array(await new Response(body).arrayBuffer());
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

export async function readSseMessages(body: ReadableStream<Uint8Array> | null): Promise<SseMessage[]> {
  if (!body) throw new Error("the response has no body");
  const messages: SseMessage[] = [];
  for await (const message of decodeSse(body)) messages.push(message);
  return messages;
}

/** The protocol events of a stream (the final `[DONE]` left out), each checked against the event schema. */
export function eventsOf(messages: readonly SseMessage[]): ChatEvent[] {
  return messages
    .filter((message) => message.data !== doneSentinel)
    .map((message) => chatEventSchema.parse({ ...(JSON.parse(message.data) as object), type: message.event }));
}

export function deltaText(events: readonly ChatEvent[]): string {
  return events.map((event) => (event.type === "delta" ? event.content : "")).join("");
}

/** `start delta delta ... finish [DONE]`, deltas (and reasoning) squeezed to one `delta*` (`reasoning*`), for order assertions. */
export function eventSequence(messages: readonly SseMessage[]): string {
  return messages
    .map((message) => (message.data === doneSentinel ? "[DONE]" : (message.event ?? "message")))
    .filter((name, index, names) => !((name === "delta" || name === "reasoning") && names[index - 1] === name))
    .map((name) => (name === "delta" || name === "reasoning" ? `${name}*` : name))
    .join(" ");
}

/** Collects the outcome records made while it is attached. */
export function collectOutcomes(): { outcomes: Outcome[]; detach: () => void } {
  const outcomes: Outcome[] = [];
  const detach = onOutcome((outcome) => outcomes.push(outcome));
  return { outcomes, detach };
}

/** Waits for the outcome of answer `id`, then a little longer to be sure no second one follows. */
export async function onlyOutcomeOf(outcomes: readonly Outcome[], id: string): Promise<Outcome> {
  const mine = () => outcomes.filter((outcome) => outcome.id === id);
  await waitFor(() => mine().length > 0, `the outcome of ${id}`);
  await sleep(30);
  const found = mine();
  if (found.length !== 1) throw new Error(`expected one outcome for ${id}, got ${found.length}`);
  return found[0] as Outcome;
}

export function userMessage(content: string): ChatRequestInput["messages"] {
  return [{ role: "user", content }];
}

export const relayTestConfig: RelayOptions["config"] = { heartbeatMs: 15_000, firstTokenTimeoutMs: 5_000, idleTimeoutMs: 5_000 };

interface RelayTestOptions {
  config?: Partial<RelayOptions["config"]>;
  clientSignal?: AbortSignal;
  cancelSignal?: AbortSignal;
  /** Instead of `cancelSignal`: the registration's hook itself (a cancel may come before the relay starts). */
  whenCancelled?: RelayOptions["whenCancelled"];
  request?: Omit<ChatRequestInput, "messages">;
  resume?: RelayOptions["resume"];
}

/** Relays one answer to `prompt` from an OpenAI-compatible server at `baseUrl`, as the route does. */
export function relayFrom(baseUrl: string, prompt: string, options: RelayTestOptions = {}) {
  const provider = providerFromEnvironment({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: baseUrl });
  const id = newAnswerId();
  const request = chatRequestSchema.parse({ ...options.request, messages: userMessage(prompt) });
  const body = relayChatStream({
    provider,
    request,
    id,
    model: provider.defaultModel,
    clientSignal: options.clientSignal ?? new AbortController().signal,
    whenCancelled:
      options.whenCancelled ?? (options.cancelSignal ? (listener) => options.cancelSignal?.addEventListener("abort", listener, { once: true }) : undefined),
    config: { ...relayTestConfig, ...options.config },
    resume: options.resume,
  });
  // Weakly: a test can check that the relay does not keep the conversation.
  return { id, body, conversation: new WeakRef(request) };
}

/** A `POST /api/chat` request with a JSON body (or raw bytes) and JSON's content type unless told otherwise. */
export function chatRequest(body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Request {
  const payload = body instanceof Uint8Array ? new Uint8Array(body) : typeof body === "string" ? body : JSON.stringify(body);
  return new Request("http://localhost/api/chat", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: payload,
    signal,
  });
}

/**
 * Starts one mock upstream for a test file; before each test it forgets the
 * mock's requests and starts collecting the outcomes anew.
 */
export function withMockUpstream(): { readonly mock: MockServer; readonly outcomes: Outcome[] } {
  const context = {} as { mock: MockServer; outcomes: Outcome[] };
  let detach = () => {};
  beforeAll(async () => {
    context.mock = await startMockServer();
  });
  afterAll(() => context.mock.close());
  beforeEach(() => {
    context.mock.requests.length = 0;
    const collected = collectOutcomes();
    context.outcomes = collected.outcomes;
    detach = collected.detach;
  });
  afterEach(() => detach());
  return context;
}

/**
 * For a route test file: starts one mock upstream and points the OpenAI
 * provider at it, with `environment` stubbed too; all unstubbed at the end.
 */
export function withMockProviderEnvironment(environment: Record<string, string> = {}): { readonly mock: MockServer } {
  const context = {} as { mock: MockServer };
  beforeAll(async () => {
    context.mock = await startMockServer();
    const stubs = { AZURE_OPENAI_ENDPOINT: "", OPENAI_API_KEY: "test", OPENAI_BASE_URL: context.mock.baseUrl, ...environment };
    for (const [name, value] of Object.entries(stubs)) vi.stubEnv(name, value);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await context.mock.close();
  });
  return context;
}
