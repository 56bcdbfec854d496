import type { AnswerUpdate } from "@/lib/client/answer-stream";
import { createThinkingSplitter } from "@/lib/chat/thinking-splitter";
import type { AnswerReadingContext } from "@/lib/store/answer-reading";

/**
 * Times the reasoning a model writes into its answer between `<think>` tags
 * (see lib/chat/split-thinking.ts), as the store times reasoning sent apart:
 * `reasoningMs`, from the answer's first text to the first text after
 * `</think>`, so that its summary says "Thought for 12 s", not "Reasoning".
 * Called with each batch of updates read; the text goes through the
 * splitter /compare uses (each piece looked at once), and it stops looking
 * at the answer's first text, timing it only when reasoning came before.
 */
export function inlineThinkingTimer(context: AnswerReadingContext, assistantId: string): (updates: readonly AnswerUpdate[]) => void {
  const splitter = createThinkingSplitter();
  let reasoned = false;
  let over = false;
  const take = (text: string) => {
    const { reasoning, answer } = splitter.push(text);
    reasoned ||= reasoning !== "";
    over = answer !== "";
  };
  // A resumed answer goes on from the text it has.
  take(context.get().messages[assistantId]?.content ?? "");
  return (updates) => {
    if (over) return;
    for (const update of updates) if (update.type === "delta" && !over) take(update.content);
    if (!over || !reasoned) return;
    const message = context.get().messages[assistantId];
    const started = context.sentAt.get(assistantId);
    if (!message || message.reasoning !== undefined || message.reasoningMs !== undefined || started === undefined) return;
    const elapsed = context.dependencies.now() - started;
    context.updateMessage(assistantId, { reasoningMs: elapsed - (message.firstTokenMs ?? elapsed) });
  };
}
