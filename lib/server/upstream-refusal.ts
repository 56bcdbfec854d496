import type OpenAI from "openai";

/**
 * Why an upstream refused a request, when the page can tell the person what
 * to do about it (added to the protocol as the error's `reason`).
 */
export type RefusalReason = "context_length_exceeded" | "model_not_found" | "unsupported_setting" | "images_not_supported";

/** The conversation's settings a model may refuse: what the page lets a person change. */
const settings: Record<string, string> = {
  temperature: "temperature",
  max_tokens: "token limit",
  max_completion_tokens: "token limit",
  reasoning_effort: "reasoning effort",
};

// Compatible servers say it in words only: vLLM "This model's maximum context length is 4096 tokens",
// llama.cpp "the request exceeds the available context size", Ollama and others "context length".
const contextWords = /context[ _-]?(length|size|window)|maximum context|prompt is too long|too many tokens/i;

// A model that reads no images, asked about one: OpenAI "Invalid content type. image_url is only supported by
// certain models." (param `messages.[0].content.[1].type`), vLLM "... is not a multimodal model", llama.cpp
// "image input is not supported", DeepSeek "unknown variant `image_url`", Ollama and others "does not support images".
const imageWords = /image_url is only supported|not a multimodal model|image input is not supported|unknown variant `image_url`|(does not|doesn't) support (images|image input|vision)|multimodal .*not supported/i;

/**
 * The reason and a message of ours for an upstream's 4xx refusal (429, 401
 * and 403 are not refusals of the request), or undefined when it is none of
 * these. The upstream's text is only matched, never passed on.
 */
export function upstreamRefusal(error: InstanceType<typeof OpenAI.APIError>): { reason: RefusalReason; message: string } | undefined {
  const code = typeof error.code === "string" ? error.code : "";
  const param = typeof error.param === "string" ? error.param : "";
  if (code === "context_length_exceeded" || code === "string_above_max_length" || contextWords.test(error.message)) {
    return {
      reason: "context_length_exceeded",
      message: "This conversation is longer than the model can read. Start a new chat, or edit an earlier message to make it shorter.",
    };
  }
  if (imageWords.test(error.message)) {
    return {
      reason: "images_not_supported",
      message: "This model does not read images. Choose one that does in Settings, or edit the question to take the image out.",
    };
  }
  // Not every 404: a base URL without the chat endpoint is one too, and the model is not at fault there.
  if (code === "model_not_found" || (error.status === 404 && /model/i.test(error.message))) {
    return { reason: "model_not_found", message: "The model's server does not have the chosen model. Choose another one in Settings." };
  }
  const setting = Object.hasOwn(settings, param) ? settings[param] : undefined;
  if (setting !== undefined && /unsupported|invalid/.test(code)) {
    return { reason: "unsupported_setting", message: `This model does not accept the conversation's ${setting}. Set it back to the model's default in Settings.` };
  }
  return undefined;
}
