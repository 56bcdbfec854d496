import type { ChatCompletionChunk, ChatCompletionCreateParams } from "openai/resources/chat/completions";
import { continueInstruction } from "@/lib/chat/continue-instruction";
import { demoAnswerFor, demoImageAnswerFor, splitIntoTokens } from "@/lib/providers/demo/demo-answers";
import { demoPacingFor, type DemoPacing } from "@/lib/providers/demo/demo-pacing";
import { demoReasoningFor } from "@/lib/providers/demo/demo-reasoning";
import { abortableDelay } from "@/lib/server/abortable-delay";

const encoder = new TextEncoder();

type UpstreamMessage = ChatCompletionCreateParams["messages"][number];

/** A message's text, and how many images it holds (a question's content parts). */
function partsOf(message: UpstreamMessage | undefined): { text: string; images: number } {
  const content = message?.content;
  if (typeof content === "string") return { text: content, images: 0 };
  if (!Array.isArray(content)) return { text: "", images: 0 };
  let text = "";
  let images = 0;
  for (const part of content) {
    if (part.type === "text") text += part.text;
    else if (part.type === "image_url") images += 1;
  }
  return { text, images };
}

function lastUserText(messages: ChatCompletionCreateParams["messages"]): string {
  return partsOf(messages.findLast((message) => message.role === "user")).text;
}

/** The demo's answer to a question, which says it cannot see the images when the question has some. */
function answerTo(messages: ChatCompletionCreateParams["messages"]): string {
  const { text, images } = partsOf(messages.findLast((message) => message.role === "user"));
  return images > 0 ? demoImageAnswerFor(text, images) : demoAnswerFor(text);
}

/**
 * What the demo writes: its answer to the last question, or, asked to
 * continue an answer (`continueInstruction` after it), the rest of its
 * answer to the question before, from where that one ended.
 */
function demoReplyTo(messages: ChatCompletionCreateParams["messages"]): { answer: string; question: string; continuing: boolean } {
  const [partial, last] = messages.slice(-2);
  if (last?.role !== "user" || last.content !== continueInstruction) return { answer: answerTo(messages), question: lastUserText(messages), continuing: false };
  const question = lastUserText(messages.slice(0, -2));
  const whole = answerTo(messages.slice(0, -2));
  const written = partial?.role === "assistant" && typeof partial.content === "string" ? partial.content : "";
  const answer = whole.startsWith(written) ? whole.slice(written.length) : " (The demo model can only continue answers it wrote itself.)";
  return { answer, question, continuing: true };
}

/** What an image counts for in the prompt's tokens, as characters (OpenAI's high-detail image of ~1,500 px: about 765 tokens). */
const imageTokenCharacters = 765 * 4;

function estimateTokens(parameters: ChatCompletionCreateParams): number {
  const characters = parameters.messages.reduce((sum, message) => {
    const { text, images } = partsOf(message);
    return sum + text.length + images * imageTokenCharacters;
  }, 0);
  return Math.max(1, Math.ceil(characters / 4));
}

/**
 * A `fetch` for the `openai` client that answers `POST /chat/completions`
 * locally, as a real server would: a `text/event-stream` of
 * `chat.completion.chunk` objects paced like a model (or one JSON body after
 * the whole answer's time, when not streaming). The SDK parses it exactly as
 * it parses OpenAI's, so the demo runs the production code path.
 */
export function createDemoFetch(defaultPacing?: DemoPacing): typeof fetch {
  return async (_input, init) => {
    const parameters = JSON.parse(String(init?.body)) as ChatCompletionCreateParams;
    const signal = init?.signal ?? undefined;
    const reply = demoReplyTo(parameters.messages);
    const modelPacing = demoPacingFor(parameters.model, defaultPacing);
    // Going on with an answer, the reasoning preset does not reason again: it writes when it would have begun to think.
    const pacing =
      reply.continuing && modelPacing.reasoningFromMs !== undefined ? { ...modelPacing, firstTokenMs: modelPacing.reasoningFromMs, reasoningFromMs: undefined } : modelPacing;
    const limit = parameters.max_completion_tokens ?? parameters.max_tokens ?? Infinity;
    const allTokens = splitIntoTokens(reply.answer);
    const reasoningTokens = pacing.reasoningFromMs === undefined ? [] : splitIntoTokens(demoReasoningFor(reply.question));
    const tokens = allTokens.slice(0, Math.max(0, limit - reasoningTokens.length));
    const finishReason = tokens.length < allTokens.length ? "length" : "stop";
    const interval = 1000 / pacing.tokensPerSecond;
    const id = `chatcmpl-demo-${crypto.randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const usage = {
      prompt_tokens: estimateTokens(parameters),
      completion_tokens: reasoningTokens.length + tokens.length,
      total_tokens: estimateTokens(parameters) + reasoningTokens.length + tokens.length,
    };

    if (!parameters.stream) {
      await abortableDelay(pacing.firstTokenMs + interval * tokens.length, signal);
      return Response.json({
        id,
        object: "chat.completion",
        created,
        model: parameters.model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: tokens.join(""), refusal: null, ...(reasoningTokens.length > 0 ? { reasoning_content: reasoningTokens.join("") } : {}) },
            finish_reason: finishReason,
            logprobs: null,
          },
        ],
        usage,
      });
    }

    // DeepSeek's shape: the reasoning in `reasoning_content`, which the SDK's types do not name.
    const chunk = (delta: ChatCompletionChunk.Choice.Delta & { reasoning_content?: string }, finish: ChatCompletionChunk.Choice["finish_reason"] = null): Uint8Array => {
      const body: ChatCompletionChunk = {
        id,
        object: "chat.completion.chunk",
        created,
        model: parameters.model,
        choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
      };
      return encoder.encode(`data: ${JSON.stringify(body)}\n\n`);
    };
    const includeUsage = parameters.stream_options?.include_usage === true;
    let next = 0;
    let nextReasoning = 0;
    let reasoningAt = 0;
    let firstTokenAt = 0;
    let sentFinish = false;
    // A reasoning preset sends its reasoning evenly from `reasoningFromMs` until its answer's first token.
    const reasoningStart = pacing.reasoningFromMs ?? pacing.firstTokenMs;
    const reasoningInterval = (pacing.firstTokenMs - reasoningStart) / Math.max(1, reasoningTokens.length);
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        await abortableDelay(reasoningStart, signal);
        reasoningAt = performance.now();
        firstTokenAt = reasoningAt + pacing.firstTokenMs - reasoningStart;
        controller.enqueue(chunk({ role: "assistant", content: "" }));
      },
      async pull(controller) {
        if (nextReasoning < reasoningTokens.length) {
          if (nextReasoning > 0) await abortableDelay(Math.max(0, reasoningAt + nextReasoning * reasoningInterval - performance.now()), signal);
          controller.enqueue(chunk({ reasoning_content: reasoningTokens[nextReasoning++] }));
          return;
        }
        if (next < tokens.length) {
          // Each token at its own time from the first, not `interval` after the previous one: timer
          // delays would add up, and a streamed answer would end later than the same answer unstreamed.
          if (next > 0 || reasoningTokens.length > 0) await abortableDelay(Math.max(0, firstTokenAt + next * interval - performance.now()), signal);
          controller.enqueue(chunk({ content: tokens[next++] }));
          return;
        }
        if (!sentFinish) {
          sentFinish = true;
          controller.enqueue(chunk({}, finishReason));
          return;
        }
        if (includeUsage) {
          const usageChunk: ChatCompletionChunk = { id, object: "chat.completion.chunk", created, model: parameters.model, choices: [], usage };
          controller.enqueue(encoder.encode(`data: ${JSON.stringify(usageChunk)}\n\n`));
        }
        controller.enqueue(encoder.encode("data: [DONE]\n\n"));
        controller.close();
      },
    });
    return new Response(body, { headers: { "Content-Type": "text/event-stream" } });
  };
}
