import { continueInstruction } from "../lib/chat/continue-instruction";
import { sampleAnswer } from "../lib/markdown/sample-answer";
import { documentAnswer } from "./markdown-answer";
import { markdownAnswer, mathAnswer, xssAnswer } from "./markdown-texts";

/**
 * The mock upstream's scenarios. A test picks one by writing a directive in
 * the last user message: `mock:NAME key=value ...` (so the chat page can pick
 * one too). Without a directive the mock answers `mockTexts.plain`.
 */

export const mockTexts = {
  plain: "Hello from the mock model. This answer streams in small pieces.",
  multilingual:
    "English first.\nこんにちは、世界！ストリーミングのテストです。\n안녕하세요, 세계! 스트리밍 테스트입니다.\n" +
    "Emoji: 👋🏽 👨‍👩‍👧‍👦 🇯🇵 🎉\r\nTabs\tand \"quotes\" and \\backslashes\\ and </script> stay exact.\n\n中文也可以。",
  /** The answer to `continueInstruction`: what the page adds to the answer it asked the mock to continue. */
  continued: " …and this is the rest, written when the page asked to continue.",
  reasoningAgain: "Picking up where the answer stopped.",
  /** What the `reasoning` scenario thinks before it answers `plain`. */
  reasoning:
    "The person wants a short greeting. Let me think step by step.\n\n1. Say hello.\n2. Mention streaming, ストリーミング, 스트리밍 🎉.\n\nA **plain** answer fits; `code` is not needed.",
};

/**
 * Where the `reasoning` scenario puts its reasoning: a chunk's `delta.reasoning_content` (DeepSeek, vLLM,
 * llama.cpp, LM Studio), `delta.reasoning` (Ollama, OpenRouter, Groq), or `think`: in the content itself,
 * between `<think>` tags, as servers that do not parse it out send it.
 */
export type ReasoningField = "reasoning_content" | "reasoning" | "think";

export type ScenarioName =
  | "plain"
  | "multilingual"
  | "paced"
  | "echo"
  | "length"
  | "content_filter"
  | "status"
  | "text_only"
  | "drop"
  | "stall"
  | "truncated"
  | "azure"
  | "reset_once"
  | "markdown"
  | "math"
  | "xss"
  | "long"
  | "document"
  | "reasoning";

export interface Scenario {
  name: ScenarioName;
  /** The answer, cut into the deltas the mock sends. */
  tokens: string[];
  /** What the model thinks before its answer, cut into deltas sent before `tokens`, in `reasoningField`. */
  reasoningTokens: string[];
  reasoningField: ReasoningField;
  finishReason: string;
  firstTokenMs: number;
  /** `think=MS`: silence between the first chunk (the role) and the first token, as a reasoning model that streams no reasoning. */
  thinkMs: number;
  intervalMs: number;
  /** Cut every SSE write into pieces of 1, 2 and 3 bytes (UTF-8 and lines split mid-way). */
  splitBytes: boolean;
  /** Tokens sent back to back, with no pause between them (Azure sends bursts). */
  burst: number;
  /** Azure's shape: a first chunk with no choices but `prompt_filter_results`, and `content_filter_results` on each choice. */
  azureShape: boolean;
  /** `status`: answer with this HTTP status and an OpenAI-shaped error body. */
  status?: number;
  retryAfter?: string;
  /** `status`: the error body's `code` and `param` (OpenAI's, e.g. `error=context_length_exceeded`, `error=unsupported_value param=temperature`). */
  errorCode?: string;
  errorParam?: string;
  /** The error's message, when not the default one (which carries a masked key). */
  errorMessage?: string;
  /** `drop`, `stall`, `truncated`: what happens after this many tokens. */
  after?: number;
  /** `stamp=TAG`: each token is replaced, when it is sent, by `stampedToken(TAG, index)` (the benchmark's lag probe). */
  stamp?: string;
  /** `numbered=1`: the answer ends with the mock's number for the request, so that each answer to the same question differs. */
  numbered: boolean;
}

function numberParameter(parameters: Map<string, string>, name: string, fallback: number): number {
  const value = Number(parameters.get(name));
  return parameters.has(name) && Number.isFinite(value) ? value : fallback;
}

/** Cuts text into pieces by code points, `size` at a time: never inside a surrogate pair. */
export function tokensOf(text: string, size = 3): string[] {
  const codePoints = Array.from(text);
  const tokens: string[] = [];
  for (let index = 0; index < codePoints.length; index += size) tokens.push(codePoints.slice(index, index + size).join(""));
  return tokens;
}

/** `paced` answers `Token 0. Token 1. ...`, one delta each: easy to check for exactness and order. */
export function pacedTokens(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Token ${index}. `);
}

/** A question's text, and how many images it holds: its content is text, or Chat Completions' content parts. */
function textAndImagesOf(content: unknown): { text: string; images: number } {
  if (typeof content === "string") return { text: content, images: 0 };
  const parts = Array.isArray(content) ? (content as Array<{ type?: unknown; text?: unknown }>) : [];
  return {
    text: parts.map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : "")).join(""),
    images: parts.filter((part) => part.type === "image_url").length,
  };
}

export function scenarioFor(messages: ReadonlyArray<{ role: string; content: unknown }>): Scenario {
  const questions = messages.filter((message) => message.role === "user");
  const { text, images } = textAndImagesOf(questions.at(-1)?.content);
  // Asked to continue, it is paced as the answer it continues: by the directive of the question before.
  const asked = text === continueInstruction ? textAndImagesOf(questions.at(-2)?.content).text : text;
  const directive = /mock:(\w+)((?:\s+\w+=\S+)*)/.exec(asked);
  const name = (directive?.[1] ?? "plain") as ScenarioName;
  const parameters = new Map(
    (directive?.[2] ?? "")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split("=", 2) as [string, string]),
  );
  const base: Scenario = {
    name,
    tokens: tokensOf(mockTexts.plain),
    reasoningTokens: [],
    reasoningField: "reasoning_content",
    finishReason: "stop",
    firstTokenMs: numberParameter(parameters, "first", 20),
    thinkMs: numberParameter(parameters, "think", 0),
    intervalMs: numberParameter(parameters, "interval", 10),
    splitBytes: parameters.get("split") === "1",
    burst: Math.max(1, numberParameter(parameters, "burst", 1)),
    azureShape: false,
    after: numberParameter(parameters, "after", 3),
    stamp: parameters.get("stamp"),
    numbered: parameters.get("numbered") === "1",
  };
  // Asked to continue an answer (the page's Continue), the mock writes its `continued` text, whatever the question was
  // (at its pace: `first`, `interval`); going on with an answer it opened with <think> reasoning, it reasons again
  // first, as such models do.
  if (text === continueInstruction) {
    const partial = messages.at(-2);
    const thinking = partial?.role === "assistant" && typeof partial.content === "string" && partial.content.trimStart().startsWith("<think>");
    return { ...base, name: "plain", tokens: tokensOf(`${thinking ? `<think>\n${mockTexts.reasoningAgain}\n</think>\n\n` : ""}${mockTexts.continued}`) };
  }
  switch (name) {
    case "multilingual":
      return { ...base, tokens: tokensOf(mockTexts.multilingual, numberParameter(parameters, "size", 2)) };
    case "paced":
      return { ...base, tokens: pacedTokens(numberParameter(parameters, "tokens", 50)) };
    case "document": {
      // A long markdown answer ending in `documentAnswerEnd`, for `npm run bench`'s page runs (`formulas=1`: with formulas;
      // `reasoning=N`: after N characters of reasoning).
      const reasoningCharacters = numberParameter(parameters, "reasoning", 0);
      const reasoning = mockTexts.reasoning.repeat(Math.ceil(reasoningCharacters / mockTexts.reasoning.length)).slice(0, reasoningCharacters);
      return {
        ...base,
        reasoningTokens: tokensOf(reasoning, numberParameter(parameters, "size", 4)),
        tokens: tokensOf(documentAnswer(numberParameter(parameters, "chars", 40_000), parameters.get("formulas") === "1"), numberParameter(parameters, "size", 4)),
      };
    }
    case "echo": {
      const echo = `You said: ${text.trim()} (${messages.length} messages${images === 0 ? "" : `, ${images} image${images === 1 ? "" : "s"}`})`;
      return { ...base, tokens: tokensOf(echo, 4) };
    }
    case "length":
    case "content_filter":
      return { ...base, finishReason: name };
    case "status":
      return {
        ...base,
        status: numberParameter(parameters, "code", 500),
        retryAfter: parameters.get("retry_after"),
        errorCode: parameters.get("error"),
        errorParam: parameters.get("param"),
      };
    case "text_only":
      // A model that reads no images, as OpenAI refuses a question with one for such a model.
      return images === 0
        ? base
        : { ...base, status: 400, errorParam: "messages.[0].content.[1].type", errorMessage: "Invalid content type. image_url is only supported by certain models." };
    case "markdown":
      return { ...base, tokens: tokensOf(markdownAnswer, numberParameter(parameters, "size", 3)) };
    case "math":
      return { ...base, tokens: tokensOf(mathAnswer, numberParameter(parameters, "size", 3)) };
    case "xss":
      return { ...base, tokens: tokensOf(xssAnswer, numberParameter(parameters, "size", 3)) };
    case "long":
      // A long markdown answer (40,000 characters unless `length` says), for the page benchmark.
      return { ...base, tokens: tokensOf(sampleAnswer(numberParameter(parameters, "length", 40_000)), numberParameter(parameters, "size", 4)) };
    case "reasoning": {
      // `field=`: where the reasoning goes (ReasoningField); `repeat=N`: a longer one.
      const field = parameters.get("field");
      const reasoningField: ReasoningField = field === "reasoning" || field === "think" ? field : "reasoning_content";
      const size = numberParameter(parameters, "size", 3);
      const reasoning = mockTexts.reasoning.repeat(Math.max(1, numberParameter(parameters, "repeat", 1)));
      // `finish=length`: cut off at the token limit, to be continued.
      const finishReason = parameters.get("finish") === "length" ? "length" : "stop";
      if (reasoningField === "think") return { ...base, finishReason, reasoningField, tokens: tokensOf(`<think>\n${reasoning}\n</think>\n\n${mockTexts.plain}`, size) };
      return { ...base, finishReason, reasoningField, reasoningTokens: tokensOf(reasoning, size), tokens: tokensOf(mockTexts.plain, size) };
    }
    case "drop":
    case "stall":
    case "truncated":
    case "reset_once":
      return base;
    case "azure":
      // Larger chunks than OpenAI's, in bursts, ending as Azure's content filter can end them.
      return {
        ...base,
        tokens: tokensOf(mockTexts.multilingual, numberParameter(parameters, "size", 12)),
        burst: Math.max(1, numberParameter(parameters, "burst", 3)),
        azureShape: true,
        finishReason: parameters.get("finish") ?? "content_filter",
      };
    default:
      return { ...base, name: "plain" };
  }
}
