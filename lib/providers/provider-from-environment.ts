import OpenAI, { AzureOpenAI } from "openai";
import { createDemoFetch } from "@/lib/providers/demo/demo-fetch";
import { demoModels, type DemoPacing } from "@/lib/providers/demo/demo-pacing";
import { httpFetch } from "@/lib/providers/http-fetch";
import { directChatStream, sdkChatStream } from "@/lib/providers/open-chat-stream";
import type { ChatProvider, ModelOption } from "@/lib/providers/provider";

type Environment = Record<string, string | undefined>;

/**
 * No automatic retries: a retried 429 or 5xx would silently multiply the cost
 * and the wait. The page shows a retry button instead (errors say `retryable`).
 */
const clientOptions = { maxRetries: 0 } as const;

/** Real upstreams are reached through node:http (see http-fetch.ts); the demo model answers through its own fetch. */
const networkClientOptions = { ...clientOptions, fetch: httpFetch } as const;

const defaultOpenAIModel = "gpt-4.1-mini";

function modelList(defaultModel: string, extra: string | undefined): ModelOption[] {
  const ids = [defaultModel, ...(extra ?? "").split(",").map((id) => id.trim())].filter(Boolean);
  return [...new Set(ids)].map((id) => ({ id, label: id }));
}

/** Loopback, private networks, `.local` and Docker's host: where Ollama, LM Studio or llama.cpp run, each with its own pulled models. */
const localHost = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|[\w-]+\.local|host\.docker\.internal)$/;

function hostnameOf(url: string): string | undefined {
  // A malformed URL is the SDK's to report on the first request, as upstream_unavailable.
  return URL.canParse(url) ? new URL(url).hostname : undefined;
}

function positiveNumber(value: string | undefined): number | undefined {
  const number = Number(value);
  return value && Number.isFinite(number) && number > 0 ? number : undefined;
}

function demoPacingFromEnvironment(environment: Environment): DemoPacing | undefined {
  const firstTokenMs = positiveNumber(environment.DEMO_FIRST_TOKEN_MS);
  const tokensPerSecond = positiveNumber(environment.DEMO_TOKENS_PER_SECOND);
  if (firstTokenMs === undefined && tokensPerSecond === undefined) return undefined;
  const defaults = demoModels[0]?.pacing ?? { firstTokenMs: 400, tokensPerSecond: 40 };
  return { firstTokenMs: firstTokenMs ?? defaults.firstTokenMs, tokensPerSecond: tokensPerSecond ?? defaults.tokensPerSecond };
}

function createProvider(environment: Environment): ChatProvider {
  const azureEndpoint = environment.AZURE_OPENAI_ENDPOINT;
  const azureKey = environment.AZURE_OPENAI_API_KEY;
  if (azureEndpoint && azureKey) {
    const deployment = environment.AZURE_OPENAI_DEPLOYMENT || environment.OPENAI_MODEL || defaultOpenAIModel;
    const client = new AzureOpenAI({
      ...networkClientOptions,
      endpoint: azureEndpoint,
      apiKey: azureKey,
      deployment,
      apiVersion: environment.OPENAI_API_VERSION || "2024-10-21",
    });
    return {
      kind: "azure",
      client,
      // Azure's path depends on the deployment in each request: the SDK builds it.
      openChatStream: sdkChatStream(client),
      defaultModel: deployment,
      models: modelList(deployment, undefined),
      tokenLimitParameter: "max_tokens",
    };
  }

  const apiKey = environment.OPENAI_API_KEY;
  if (apiKey) {
    const baseURL = environment.OPENAI_BASE_URL || undefined;
    const isOpenAI = !baseURL || hostnameOf(baseURL) === "api.openai.com";
    const defaultModel = environment.OPENAI_MODEL || defaultOpenAIModel;
    const client = new OpenAI({ ...networkClientOptions, apiKey, baseURL });
    return {
      kind: isOpenAI ? "openai" : "compatible",
      client,
      openChatStream: directChatStream(client),
      defaultModel,
      models: modelList(defaultModel, environment.OPENAI_MODELS),
      listsItsModels: !isOpenAI && !environment.OPENAI_MODELS && localHost.test(hostnameOf(baseURL ?? "") ?? ""),
      tokenLimitParameter: isOpenAI ? "max_completion_tokens" : "max_tokens",
    };
  }

  const client = new OpenAI({
    ...clientOptions,
    apiKey: "demo",
    baseURL: "http://demo.invalid/v1",
    fetch: createDemoFetch(demoPacingFromEnvironment(environment)),
  });
  return {
    kind: "demo",
    client,
    openChatStream: sdkChatStream(client),
    defaultModel: "demo",
    models: demoModels.map(({ id, label }) => ({ id, label })),
    tokenLimitParameter: "max_tokens",
  };
}

const variables = [
  "AZURE_OPENAI_ENDPOINT",
  "AZURE_OPENAI_API_KEY",
  "AZURE_OPENAI_DEPLOYMENT",
  "OPENAI_API_VERSION",
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "OPENAI_MODEL",
  "OPENAI_MODELS",
  "DEMO_FIRST_TOKEN_MS",
  "DEMO_TOKENS_PER_SECOND",
] as const;

const cache = new Map<string, ChatProvider>();

/**
 * The one place that chooses the model from the environment. One client per
 * configuration, reused by every request (it keeps its connection pool).
 */
export function providerFromEnvironment(environment: Environment = process.env): ChatProvider {
  const key = JSON.stringify(variables.map((name) => environment[name] ?? ""));
  let provider = cache.get(key);
  if (!provider) {
    provider = createProvider(environment);
    cache.set(key, provider);
  }
  return provider;
}
