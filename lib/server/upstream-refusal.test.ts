import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { upstreamRefusal } from "@/lib/server/upstream-refusal";

/** An error as the openai SDK makes it from an upstream's status and `{"error": {...}}` body. */
const apiError = (status: number, body: { message: string; code?: string | null; param?: string | null }) =>
  OpenAI.APIError.generate(status, { error: body }, undefined, new Headers());

describe("upstreamRefusal", () => {
  it.each([
    ["OpenAI's code", apiError(400, { message: "This model's maximum context length is 128000 tokens.", code: "context_length_exceeded", param: "messages" })],
    ["vLLM's words", apiError(400, { message: "This model's maximum context length is 4096 tokens. However, you requested 5000 tokens." })],
    ["llama.cpp's words", apiError(400, { message: "the request exceeds the available context size, try increasing it" })],
  ])("a conversation too long for the model, by %s", (_by, error) => {
    expect(upstreamRefusal(error)?.reason).toBe("context_length_exceeded");
  });

  it("a model the server does not have: OpenAI's code, or a 404 that names the model (Ollama)", () => {
    expect(upstreamRefusal(apiError(404, { message: "The model `gpt-9` does not exist", code: "model_not_found" }))?.reason).toBe("model_not_found");
    expect(upstreamRefusal(apiError(404, { message: 'model "llama9" not found, try pulling it first' }))?.reason).toBe("model_not_found");
    // A base URL without the chat endpoint: not the model's fault.
    expect(upstreamRefusal(apiError(404, { message: "404 page not found" }))).toBeUndefined();
  });

  it("a setting the model does not take, named in the message", () => {
    const temperature = upstreamRefusal(apiError(400, { message: "Unsupported value: 'temperature' does not support 0.7 with this model.", code: "unsupported_value", param: "temperature" }));
    expect(temperature).toEqual({ reason: "unsupported_setting", message: expect.stringContaining("temperature") });
    const limit = upstreamRefusal(apiError(400, { message: "Unsupported parameter: 'max_tokens'.", code: "unsupported_parameter", param: "max_tokens" }));
    expect(limit?.message).toContain("token limit");
    const effort = upstreamRefusal(apiError(400, { message: "Unsupported parameter: 'reasoning_effort' is not supported with this model.", code: "unsupported_parameter", param: "reasoning_effort" }));
    expect(effort?.message).toBe("This model does not accept the conversation's reasoning effort. Set it back to the model's default in Settings.");
    expect(upstreamRefusal(apiError(400, { message: "Invalid value for 'messages'.", code: "invalid_value", param: "messages" }))).toBeUndefined();
    expect(upstreamRefusal(apiError(400, { message: "Invalid.", code: "invalid_value", param: "toString" }))).toBeUndefined();
  });

  it.each([
    ["OpenAI", apiError(400, { message: "Invalid content type. image_url is only supported by certain models.", param: "messages.[0].content.[1].type" })],
    ["vLLM", apiError(400, { message: "Qwen/Qwen2.5-7B-Instruct is not a multimodal model" })],
    ["llama.cpp", apiError(500, { message: "image input is not supported - hint: if this is unexpected, you may need to provide the mmproj" })],
    ["DeepSeek", apiError(422, { message: "Failed to deserialize the JSON body into the target type: messages[0]: unknown variant `image_url`, expected `text`" })],
    ["Ollama", apiError(400, { message: "llama3.2 does not support images" })],
  ])("a question with images to a model that reads none, as %s says it", (_by, error) => {
    expect(upstreamRefusal(error)).toEqual({
      reason: "images_not_supported",
      message: "This model does not read images. Choose one that does in Settings, or edit the question to take the image out.",
    });
  });

  it("never passes the upstream's words on", () => {
    const refusal = upstreamRefusal(apiError(400, { message: "sk-abc*** context length exceeded", code: "context_length_exceeded" }));
    expect(refusal?.message).not.toContain("sk-");
  });
});
