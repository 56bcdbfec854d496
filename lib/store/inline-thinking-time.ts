import type { AnswerUpdate } from "@/lib/client/answer-stream";
import { thinkingTags } from "@/lib/chat/split-thinking";
import type { AnswerReadingContext } from "@/lib/store/answer-reading";

const { open, close } = thinkingTags;

/**
 * Times the reasoning a model writes into its answer between `<think>` tags
 * (see lib/chat/split-thinking.ts), as the store times reasoning sent apart:
 * `reasoningMs`, from the answer's first text to the first text after
 * `</think>`, so that its summary says "Thought for 12 s", not "Reasoning".
 * Called with each batch of updates read; it stops looking once the answer
 * shows it has no such tags, or once it has timed them.
 */
export function inlineThinkingTimer(context: AnswerReadingContext, assistantId: string): (updates: readonly AnswerUpdate[]) => void {
  // What is still to be looked at: at first the text so far (a resumed answer goes on from it), then only
  // what came since, after what may be the beginning of a tag cut short. No batch copies the whole answer.
  let unread = context.get().messages[assistantId]?.content ?? "";
  let opened = false;
  let closed = false;
  let over = false;
  return (updates) => {
    if (over) return;
    for (const update of updates) if (update.type === "delta") unread += update.content;
    if (!opened) {
      const start = unread.search(/\S/);
      if (start < 0) return;
      if (!unread.startsWith(open, start)) {
        // Not the tag, or not yet all of it.
        over = !open.startsWith(unread.slice(start, start + open.length));
        return;
      }
      opened = true;
      unread = unread.slice(start + open.length);
    }
    if (!closed) {
      const end = unread.indexOf(close);
      if (end < 0) {
        unread = unread.slice(-(close.length - 1));
        return;
      }
      closed = true;
      unread = unread.slice(end + close.length);
    }
    // The answer after the tag has not begun.
    if (!/\S/.test(unread)) return;
    over = true;
    const message = context.get().messages[assistantId];
    const started = context.sentAt.get(assistantId);
    if (!message || message.reasoning !== undefined || message.reasoningMs !== undefined || started === undefined) return;
    const elapsed = context.dependencies.now() - started;
    context.updateMessage(assistantId, { reasoningMs: elapsed - (message.firstTokenMs ?? elapsed) });
  };
}
