import type { AnswerUpdate } from "@/lib/client/answer-stream";
import { createThinkingSplitter } from "@/lib/chat/thinking-splitter";
import { splitThinking } from "@/lib/chat/split-thinking";

/**
 * A model that writes its reasoning into its answer between `<think>` tags
 * (lib/chat/split-thinking.ts) reasons again when asked to continue: its
 * continuation opens with a `<think>` block of its own, which, added to the
 * answer, would be shown as text in the middle of it. So an answer of such a
 * model is taken apart when it is continued, and from then on it is held as
 * a server that sends reasoning apart would have sent it: its reasoning in
 * `reasoning`, its answer in `content`. Every continuation's deltas go
 * through the splitter, its reasoning to the reasoning and its text to the
 * answer: an answer continued once is held apart already, and a model that
 * sends its reasoning apart writes no `<think>` in its text. What comes
 * after `</think>` is added as written but for the line breaks that set it
 * apart from the reasoning: a space it begins with joins it to the answer's
 * last word, and none goes onto a word cut short.
 */

/** The answer taken apart, when it opened with reasoning between `<think>` tags that closed; undefined otherwise. */
export function inlineThinkingOf(content: string, reasoning: string | undefined): { content: string; reasoning: string } | undefined {
  const split = reasoning === undefined ? splitThinking(content, false) : undefined;
  return split?.closed ? { content: split.answer, reasoning: split.reasoning } : undefined;
}

export interface ThinkingRouter {
  /** The updates of one read, a continuation's `<think>` text made `reasoning` updates. */
  route(updates: readonly AnswerUpdate[]): AnswerUpdate[];
  /** What was held back at the end (a tag that never came whole): reasoning, or the answer's. */
  end(): { reasoning: string; answer: string };
}

export function thinkingRouter(): ThinkingRouter {
  const splitter = createThinkingSplitter({ keepSpaces: true });
  return {
    route(updates) {
      const routed: AnswerUpdate[] = [];
      for (const update of updates) {
        if (update.type !== "delta") {
          routed.push(update);
          continue;
        }
        const { reasoning, answer } = splitter.push(update.content);
        // The event's id goes with the last text it brought; text held back takes none, so a resume reads its event again.
        const eventId = update.eventId === undefined ? {} : { eventId: update.eventId };
        if (reasoning !== "") routed.push({ type: "reasoning", content: reasoning, ...(answer === "" ? eventId : {}) });
        if (answer !== "") routed.push({ type: "delta", content: answer, ...eventId });
      }
      return routed;
    },
    end: () => splitter.end(),
  };
}

/** A whole continuation (streaming off) taken apart as `thinkingRouter` takes a streamed one. */
export function continuationParts(text: string): { reasoning: string; answer: string } {
  const splitter = createThinkingSplitter({ keepSpaces: true });
  const first = splitter.push(text);
  const rest = splitter.end();
  return { reasoning: first.reasoning + rest.reasoning, answer: first.answer + rest.answer };
}
