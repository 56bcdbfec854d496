import type OpenAI from "openai";
import type { OpenChatStream } from "@/lib/providers/open-chat-stream";

export type ProviderKind = "demo" | "openai" | "azure" | "compatible";

export interface ModelOption {
  id: string;
  label: string;
}

/**
 * Every model sits behind this: an `openai` client (the offline demo model
 * included, whose `fetch` answers locally) and what the page may offer.
 */
export interface ChatProvider {
  kind: ProviderKind;
  client: OpenAI;
  defaultModel: string;
  /** The models configured (`OPENAI_MODEL`, `OPENAI_MODELS`); see offeredModels for what the page is offered. */
  models: ModelOption[];
  /** A model server on this machine or network with no `OPENAI_MODELS`: its own list is offered (offeredModels). */
  listsItsModels?: boolean;
  /**
   * OpenAI's own API wants `max_completion_tokens` (newer models refuse
   * `max_tokens`); compatible servers (Ollama, vLLM, LM Studio) know `max_tokens`.
   */
  tokenLimitParameter: "max_tokens" | "max_completion_tokens";
  /** How the relay opens a streaming answer (`client` for everything else). */
  openChatStream: OpenChatStream;
}
