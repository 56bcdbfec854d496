/** The tags a reasoning model served without a reasoning parser writes its reasoning between, at its answer's start. */
export const thinkingTags = { open: "<think>", close: "</think>" } as const;
const { open, close } = thinkingTags;

/** An answer that opens with its model's reasoning between `<think>` tags, taken apart. */
export interface ThinkingSplit {
  /** The reasoning between the tags (without the line breaks next to them); while it is written, what has come. */
  reasoning: string;
  /** What follows `</think>`, without the blank lines before it; "" until the tag has come. */
  answer: string;
  /** `</think>` has come. */
  closed: boolean;
}

/**
 * Reasoning models served without a reasoning parser (llama.cpp with
 * `--reasoning-format none`, some hosted DeepSeek-R1 and Qwen3, Groq's
 * `raw` format) write their reasoning into the answer itself, between
 * `<think>` tags at its start. The protocol relays that text exactly; the
 * page shows it as reasoning. Undefined for an answer that does not open
 * with the tag. While the answer is written (`growing`), a beginning of a
 * tag cut short (`<thi`, `…</thi`) is held back rather than shown for a frame.
 */
export function splitThinking(content: string, growing: boolean): ThinkingSplit | undefined {
  // Where the text begins (not trimStart: it would copy a long answer on every render).
  const start = Math.max(0, content.search(/\S/));
  const head = content.slice(start, start + open.length);
  if (head !== open) {
    return growing && head.length < open.length && head.length > 0 && open.startsWith(head) ? { reasoning: "", answer: "", closed: false } : undefined;
  }
  const reasoningStart = start + open.length;
  const end = content.indexOf(close, reasoningStart);
  if (end < 0) {
    let reasoning = content.slice(reasoningStart);
    if (growing) reasoning = reasoning.slice(0, reasoning.length - partialTagAtEnd(reasoning));
    return { reasoning: trimLineBreaks(reasoning), answer: "", closed: false };
  }
  return { reasoning: trimLineBreaks(content.slice(reasoningStart, end)), answer: content.slice(end + close.length).replace(/^\s+/, ""), closed: true };
}

/**
 * What a page shows of an answer: its text, and its reasoning, the one its
 * server sent apart (`sent`) or else the one written between `<think>` tags
 * at its start (undefined: none; "": a tag begun, nothing in it yet).
 */
export function answerAndReasoning(content: string, sent: string | undefined, growing: boolean): { answer: string; reasoning: string | undefined } {
  const inline = sent === undefined ? splitThinking(content, growing) : undefined;
  return { answer: inline ? inline.answer : content, reasoning: sent ?? inline?.reasoning };
}

/** How many characters at the end of `text` begin `</think>`. */
export function partialTagAtEnd(text: string): number {
  for (let length = Math.min(close.length - 1, text.length); length > 0; length -= 1) {
    if (text.endsWith(close.slice(0, length))) return length;
  }
  return 0;
}

function trimLineBreaks(text: string): string {
  return text.replace(/^(\r?\n)+|(\r?\n)+$/g, "");
}
