/**
 * The reasoning a model sends beside its answer, in a streamed chunk's
 * `delta` or a whole answer's `message`. OpenAI's Chat Completions sends
 * none; compatible servers name it `reasoning_content` (DeepSeek, vLLM,
 * llama.cpp, LM Studio) or `reasoning` (Ollama, OpenRouter, Groq), as a
 * string. Anything else (an empty string, OpenRouter's structured
 * `reasoning_details`) is none.
 */
export function reasoningTextOf(part: object | null | undefined): string | undefined {
  if (!part) return undefined;
  const { reasoning_content: content, reasoning } = part as { reasoning_content?: unknown; reasoning?: unknown };
  if (typeof content === "string" && content !== "") return content;
  if (typeof reasoning === "string" && reasoning !== "") return reasoning;
  return undefined;
}
