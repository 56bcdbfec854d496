import type { ChatCompletionCreateParamsStreaming, ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { ChatRequest } from "@/lib/chat/schema";
import type { ChatProvider } from "@/lib/providers/provider";

/** The upstream request for a protocol request, streaming or not. */
export function upstreamParameters(request: ChatRequest, provider: ChatProvider, model: string, stream: true): ChatCompletionCreateParamsStreaming;
export function upstreamParameters(request: ChatRequest, provider: ChatProvider, model: string, stream: false): ChatCompletionCreateParamsNonStreaming;
export function upstreamParameters(
  request: ChatRequest,
  provider: ChatProvider,
  model: string,
  stream: boolean,
): ChatCompletionCreateParamsStreaming | ChatCompletionCreateParamsNonStreaming {
  return {
    model,
    messages: request.messages,
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    // The SDK's type names OpenAI's values; a compatible server may know others, and refuses what it does not.
    ...(request.reasoning_effort === undefined ? {} : { reasoning_effort: request.reasoning_effort as ChatCompletionCreateParamsStreaming["reasoning_effort"] }),
    ...(request.max_tokens === undefined ? {} : { [provider.tokenLimitParameter]: request.max_tokens }),
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : { stream: false }),
  };
}
