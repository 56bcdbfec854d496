import { describe, expect, it } from "vitest";
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import { demoAnswerFor, splitIntoTokens } from "@/lib/providers/demo/demo-answers";
import { providerFromEnvironment } from "@/lib/providers/provider-from-environment";
import { demoReasoningFor } from "@/lib/providers/demo/demo-reasoning";
import { deltaText, eventSequence, eventsOf, readSseMessages, relayTestConfig } from "@/lib/server/test-support";
import { relayChatStream } from "@/lib/testing/relay-chat-stream";
import { chatRequestSchema } from "@/lib/chat/schema";
import { continueInstruction } from "@/lib/chat/continue-instruction";

// Fast pacing from the environment, so that the tests take milliseconds, not seconds.
const fast = providerFromEnvironment({ DEMO_FIRST_TOKEN_MS: "20", DEMO_TOKENS_PER_SECOND: "5000" });

type StreamOptions = Partial<Omit<ChatCompletionCreateParamsStreaming, "messages" | "stream">>;

async function streamDemo(prompt: string, options: StreamOptions = {}, provider = fast, signal?: AbortSignal) {
  const startedAt = performance.now();
  const stream = await provider.client.chat.completions.create(
    { model: "demo", messages: [{ role: "user", content: prompt }], stream: true, ...options },
    { signal },
  );
  const contents: string[] = [];
  const finishReasons: string[] = [];
  const usages: NonNullable<ChatCompletionChunk["usage"]>[] = [];
  let firstContentMs: number | undefined;
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (choice?.delta.content) {
      firstContentMs ??= performance.now() - startedAt;
      contents.push(choice.delta.content);
    }
    if (choice?.finish_reason) finishReasons.push(choice.finish_reason);
    if (chunk.usage) usages.push(chunk.usage);
  }
  return { text: contents.join(""), contents, finishReasons, usages, firstContentMs, totalMs: performance.now() - startedAt };
}

const prompts = {
  english: "What is streaming?",
  japanese: "ストリーミングとは何ですか？",
  korean: "스트리밍이 뭐예요?",
  code: "Show me some code",
  greeting: "Hello there",
  other: "Tell me about 🦀 and \"quotes\"\n on two lines",
};

describe("the demo provider", () => {
  it("is chosen when no key is set", () => {
    expect(providerFromEnvironment({}).kind).toBe("demo");
    expect(fast.kind).toBe("demo");
  });

  it.each(Object.entries(prompts))("streams the %s answer exactly, one chunk per token, through the openai SDK", async (_name, prompt) => {
    const answer = demoAnswerFor(prompt);
    const { text, contents, finishReasons, usages } = await streamDemo(prompt, { stream_options: { include_usage: true } });

    expect(text).toBe(answer);
    expect(contents).toEqual(splitIntoTokens(answer));
    expect(finishReasons).toEqual(["stop"]);
    expect(usages).toHaveLength(1);
    expect(usages[0]?.completion_tokens).toBe(contents.length);
    expect(usages[0]?.total_tokens).toBe((usages[0]?.prompt_tokens ?? 0) + contents.length);
  });

  it("sends usage only when include_usage asks for it", async () => {
    const { usages, finishReasons } = await streamDemo(prompts.english);
    expect(usages).toEqual([]);
    expect(finishReasons).toEqual(["stop"]);
  });

  it.each(["max_tokens", "max_completion_tokens"] as const)("stops at %s with finish_reason length", async (parameter) => {
    const { contents, finishReasons, usages } = await streamDemo(prompts.english, {
      [parameter]: 5,
      stream_options: { include_usage: true },
    });
    expect(contents).toEqual(splitIntoTokens(demoAnswerFor(prompts.english)).slice(0, 5));
    expect(finishReasons).toEqual(["length"]);
    expect(usages[0]?.completion_tokens).toBe(5);
  });

  it("answers the whole text at once when not streaming", async () => {
    const completion = await fast.client.chat.completions.create({ model: "demo", messages: [{ role: "user", content: prompts.korean }] });
    expect(completion.choices[0]?.message.content).toBe(demoAnswerFor(prompts.korean));
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(completion.usage?.completion_tokens).toBe(splitIntoTokens(demoAnswerFor(prompts.korean)).length);
  });

  it("answers finish_reason length when not streaming and max_tokens cuts the answer", async () => {
    const completion = await fast.client.chat.completions.create({ model: "demo", max_tokens: 3, messages: [{ role: "user", content: prompts.code }] });
    expect(completion.choices[0]?.message.content).toBe(splitIntoTokens(demoAnswerFor(prompts.code)).slice(0, 3).join(""));
    expect(completion.choices[0]?.finish_reason).toBe("length");
  });

  it("waits about DEMO_FIRST_TOKEN_MS before the first token", async () => {
    const paced = providerFromEnvironment({ DEMO_FIRST_TOKEN_MS: "200", DEMO_TOKENS_PER_SECOND: "5000" });
    const { firstContentMs, text } = await streamDemo(prompts.greeting, {}, paced);
    expect(text).toBe(demoAnswerFor(prompts.greeting));
    expect(firstContentMs).toBeGreaterThanOrEqual(180);
    expect(firstContentMs).toBeLessThan(5_000);
  });

  it("paces tokens at about DEMO_TOKENS_PER_SECOND", async () => {
    const paced = providerFromEnvironment({ DEMO_FIRST_TOKEN_MS: "1", DEMO_TOKENS_PER_SECOND: "100" });
    const { contents, totalMs } = await streamDemo(prompts.greeting, { max_tokens: 21 }, paced);
    expect(contents).toHaveLength(21);
    expect(totalMs).toBeGreaterThanOrEqual(20 * 10 * 0.8);
    expect(totalMs).toBeLessThan(10_000);
  });

  it.each([
    ["while waiting for the first token", { DEMO_FIRST_TOKEN_MS: "3000", DEMO_TOKENS_PER_SECOND: "5000" }, 0],
    ["between tokens", { DEMO_FIRST_TOKEN_MS: "1", DEMO_TOKENS_PER_SECOND: "2" }, 1],
  ])("stops promptly when aborted %s", async (_when, environment, tokensBeforeAbort) => {
    const slow = providerFromEnvironment(environment);
    const abort = new AbortController();
    const stream = await slow.client.chat.completions.create(
      { model: "demo", messages: [{ role: "user", content: prompts.english }], stream: true },
      { signal: abort.signal },
    );
    const contents: string[] = [];
    let abortedAt: number | undefined;
    if (tokensBeforeAbort === 0) {
      setTimeout(() => {
        abortedAt = performance.now();
        abort.abort();
      }, 50);
    }
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (!content) continue;
      contents.push(content);
      if (contents.length === tokensBeforeAbort) {
        abortedAt = performance.now();
        abort.abort();
      }
    }
    expect(abortedAt).toBeDefined();
    expect(performance.now() - (abortedAt ?? 0)).toBeLessThan(300);
    expect(contents).toHaveLength(tokensBeforeAbort);
  });

  it("the reasoning preset reasons from 0.5 s to 4 s, then answers, relayed as reasoning events, then deltas", async () => {
    const request = chatRequestSchema.parse({ messages: [{ role: "user", content: prompts.english }] });
    const startedAt = performance.now();
    const arrivals: Array<{ type: string; ms: number }> = [];
    const body = relayChatStream({ provider: fast, request, id: "demo-answer", model: "demo-reasoning", clientSignal: new AbortController().signal, config: relayTestConfig });
    const messages = await readSseMessages(
      body.pipeThrough(
        new TransformStream({
          transform(bytes, controller) {
            const text = new TextDecoder().decode(bytes);
            for (const type of ["reasoning", "delta"]) if (text.includes(`event: ${type}\n`)) arrivals.push({ type, ms: performance.now() - startedAt });
            controller.enqueue(bytes);
          },
        }),
      ),
    );
    const events = eventsOf(messages);
    expect(eventSequence(messages)).toBe("start reasoning* delta* usage finish [DONE]");
    expect(events.map((event) => (event.type === "reasoning" ? event.content : "")).join("")).toBe(demoReasoningFor(prompts.english));
    expect(deltaText(events)).toBe(demoAnswerFor(prompts.english));
    const first = (type: string) => arrivals.find((arrival) => arrival.type === type)?.ms ?? Infinity;
    expect(first("reasoning")).toBeGreaterThanOrEqual(450);
    expect(first("reasoning")).toBeLessThan(2_000);
    expect(first("delta")).toBeGreaterThanOrEqual(3_900);
  }, 15_000);

  it("asked to continue an answer of its own, writes the rest of it from where it ended, without reasoning again", async () => {
    // The greeting: short, for the reasoning preset writes at its own pace.
    const whole = demoAnswerFor(prompts.greeting);
    const written = whole.slice(0, 17);
    const continuing = async (partial: string, model: string) => {
      const stream = await fast.client.chat.completions.create({
        model,
        stream: true,
        messages: [
          { role: "user", content: prompts.greeting },
          { role: "assistant", content: partial },
          { role: "user", content: continueInstruction },
        ],
      });
      const seen = { content: "", reasoning: "" };
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta as { content?: string | null; reasoning_content?: string } | undefined;
        seen.content += delta?.content ?? "";
        seen.reasoning += delta?.reasoning_content ?? "";
      }
      return seen;
    };
    expect(await continuing(written, "demo")).toEqual({ content: whole.slice(17), reasoning: "" });
    expect(await continuing(written, "demo-reasoning")).toEqual({ content: whole.slice(17), reasoning: "" });
    // Not its own: it says so rather than inventing a continuation.
    expect((await continuing("Some other model's words", "demo")).content).toBe(" (The demo model can only continue answers it wrote itself.)");
  }, 10_000);

  it("asked about images, says it cannot see them, how many came, in the question's language; and counts them in the prompt", async () => {
    const image = { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } } as const;
    const ask = async (text: string, images: number) => {
      const stream = await fast.client.chat.completions.create({
        model: "demo",
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: "user", content: [{ type: "text", text }, ...Array.from({ length: images }, () => image)] }],
      });
      let content = "";
      let promptTokens = 0;
      for await (const chunk of stream) {
        content += chunk.choices[0]?.delta.content ?? "";
        promptTokens = chunk.usage?.prompt_tokens ?? promptTokens;
      }
      return { content, promptTokens };
    };
    const one = await ask("What is this?", 1);
    expect(one.content).toMatch(/^I am the demo model, and I cannot see images: an image came with your message/);
    expect(one.promptTokens).toBeGreaterThan(765);
    expect((await ask("What are these?", 2)).content).toContain("2 images came with your message");
    expect((await ask("これは何？", 3)).content).toContain("画像が3枚届きました");
    expect((await ask("이게 뭐예요?", 1)).content).toContain("이미지 1장이 왔지만");
    // Text in parts without images is answered as text.
    const stream = await fast.client.chat.completions.create({ model: "demo", stream: true, messages: [{ role: "user", content: [{ type: "text", text: prompts.code }] }] });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe(demoAnswerFor(prompts.code));
  });

  it("is relayed as protocol events exactly like a real upstream", async () => {
    const request = chatRequestSchema.parse({ messages: [{ role: "user", content: prompts.japanese }] });
    const body = relayChatStream({ provider: fast, request, id: "demo-answer", model: "demo", clientSignal: new AbortController().signal, config: relayTestConfig });
    const events = eventsOf(await readSseMessages(body));
    expect(deltaText(events)).toBe(demoAnswerFor(prompts.japanese));
    expect(events.at(-1)).toEqual({ type: "finish", finish_reason: "stop" });
    expect(events.some((event) => event.type === "usage")).toBe(true);
  });
});
