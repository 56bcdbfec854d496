import type { ChatProvider, ModelOption } from "@/lib/providers/provider";

/** How long a server's list is reused, and how long a failed look waits before the next. */
const listTtlMs = 60_000;
/** A look at the list that takes longer than this is given up: the page waits for /api/models. */
const listTimeoutMs = 1_500;

const looked = new WeakMap<ChatProvider, { at: number; models: Promise<ModelOption[]> }>();

/**
 * The models the page may offer. A model server on this machine or network
 * (Ollama, LM Studio, llama.cpp, vLLM) with no `OPENAI_MODELS` is asked for
 * its own list (`GET /models`, reused for a minute): every model pulled there
 * is offered, the default first, embedding models left out. Anything else, or
 * a server that does not answer in time, offers the configured list.
 */
export function offeredModels(provider: ChatProvider, now = Date.now()): Promise<ModelOption[]> {
  if (!provider.listsItsModels) return Promise.resolve(provider.models);
  const last = looked.get(provider);
  if (last && now - last.at < listTtlMs) return last.models;
  const models = modelsOfServer(provider);
  looked.set(provider, { at: now, models });
  return models;
}

async function modelsOfServer(provider: ChatProvider): Promise<ModelOption[]> {
  try {
    const page = await provider.client.models.list({ timeout: listTimeoutMs, maxRetries: 0 });
    const ids = page.data.map((model) => model.id).filter((id) => typeof id === "string" && id !== "" && !/embed/i.test(id));
    return [...new Set([provider.defaultModel, ...ids])].map((id) => ({ id, label: id }));
  } catch {
    return provider.models;
  }
}
