import { describe, expect, it } from "vitest";
import { chatRequestSchema } from "@/lib/chat/schema";
import { providerFromEnvironment } from "@/lib/providers/provider-from-environment";
import { completeChat } from "@/lib/server/complete-chat";
import { relayChatStream } from "@/lib/testing/relay-chat-stream";
import { deltaText, eventsOf, readSseMessages, relayTestConfig, withMockUpstream } from "@/lib/server/test-support";
import { mockTexts, tokensOf } from "@/mock/scenarios";

const upstream = withMockUpstream();

function azureProvider() {
  return providerFromEnvironment({
    AZURE_OPENAI_ENDPOINT: upstream.mock.origin,
    AZURE_OPENAI_API_KEY: "azure-test-key",
    AZURE_OPENAI_DEPLOYMENT: "chat-deployment",
    OPENAI_API_VERSION: "2024-10-21",
  });
}

function answerOptions(prompt: string, stream: boolean) {
  const provider = azureProvider();
  return {
    provider,
    request: chatRequestSchema.parse({ messages: [{ role: "user", content: prompt }], stream }),
    id: "azure-answer",
    model: provider.defaultModel,
    clientSignal: new AbortController().signal,
  };
}

describe("Azure OpenAI", () => {
  it("is chosen by the Azure settings, with the deployment as the model", () => {
    const provider = azureProvider();
    expect(provider.kind).toBe("azure");
    expect(provider.defaultModel).toBe("chat-deployment");
    expect(provider.models).toEqual([{ id: "chat-deployment", label: "chat-deployment" }]);
  });

  it("speaks Azure's URL shape and api-key header, and relays its bursty chunks and content filter unchanged", async () => {
    const body = relayChatStream({ ...answerOptions("mock:azure size=12 burst=3", true), config: relayTestConfig });
    const events = eventsOf(await readSseMessages(body));

    const record = upstream.mock.requests[0];
    expect(record?.path).toBe("/openai/deployments/chat-deployment/chat/completions?api-version=2024-10-21");
    expect(record?.apiKey).toBe("azure-test-key");
    expect(record?.authorization).toBeUndefined();

    // One delta per upstream chunk, each as large as Azure sent it, and the text exact.
    const deltas = events.filter((event) => event.type === "delta").map((event) => event.content);
    expect(deltas).toEqual(tokensOf(mockTexts.multilingual, 12));
    expect(deltaText(events)).toBe(mockTexts.multilingual);
    expect(events.at(-1)).toEqual({ type: "finish", finish_reason: "content_filter" });
  });

  it("answers without streaming through the same deployment", async () => {
    const response = await completeChat({ ...answerOptions("mock:azure finish=stop", false), timeoutMs: 5_000 });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { content: string; finish_reason: string; model: string };
    expect(answer).toMatchObject({ content: mockTexts.multilingual, finish_reason: "stop", model: "chat-deployment" });
    expect(upstream.mock.requests[0]?.path).toContain("/openai/deployments/chat-deployment/chat/completions");
  });
});
