import { partialTagAtEnd, thinkingTags } from "@/lib/chat/split-thinking";

const { open, close } = thinkingTags;

export interface ThinkingParts {
  reasoning: string;
  answer: string;
}

/**
 * Takes a streamed answer apart piece by piece, as it comes: the reasoning
 * a model wrote between `<think>` tags at its start, and the answer after
 * (see lib/chat/split-thinking.ts, which does it for a whole text). For
 * what times the answer's first characters (/compare's lanes, the chat's
 * "Thought for 12 s"): such a model's answer begins after its reasoning, as
 * a model's whose server sends its reasoning apart. What may be a tag cut
 * short is held back until the next piece tells; `end()` gives what is
 * still held. After `</think>` the white space before the answer is dropped,
 * or with `keepSpaces` only the line breaks (a continuation's first
 * characters join it to the text before it).
 */
export function createThinkingSplitter({ keepSpaces = false }: { keepSpaces?: boolean } = {}): { push(piece: string): ThinkingParts; end(): ThinkingParts } {
  /** `start`: nothing but white space so far; `after`: the tag has closed, white space before the answer is dropped. */
  let state: "start" | "thinking" | "after" | "answer" = "start";
  let held = "";
  const parts = (reasoning: string, answer: string): ThinkingParts => ({ reasoning, answer });

  function push(piece: string): ThinkingParts {
    let text = held + piece;
    held = "";
    if (state === "start") {
      const start = text.search(/\S/);
      const head = start < 0 ? "" : text.slice(start, start + open.length);
      if (start < 0 || (head.length < open.length && open.startsWith(head))) {
        held = text;
        return parts("", "");
      }
      if (head !== open) {
        state = "answer";
        return parts("", text);
      }
      state = "thinking";
      text = text.slice(start + open.length);
    }
    if (state === "thinking") {
      const end = text.indexOf(close);
      if (end < 0) {
        const cut = text.length - partialTagAtEnd(text);
        held = text.slice(cut);
        return parts(text.slice(0, cut), "");
      }
      state = "after";
      const rest = answerPart(text.slice(end + close.length));
      return parts(text.slice(0, end), rest);
    }
    return parts("", answerPart(text));
  }

  /** The answer's part of `text`, once the tags are behind. */
  function answerPart(text: string): string {
    if (state === "answer") return text;
    const start = text.search(keepSpaces ? /[^\r\n]/ : /\S/);
    if (start < 0) return "";
    state = "answer";
    return text.slice(start);
  }

  return {
    push,
    end() {
      const rest = held;
      held = "";
      // A reasoning left open keeps what it wrote; anything else that was held is the answer's.
      return state === "thinking" ? parts(rest, "") : parts("", rest);
    },
  };
}
