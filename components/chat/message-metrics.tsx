import type { Message } from "@/lib/store/chat-types";

/** Usage and speed under a finished answer: time to first token, total time, tokens, tokens per second. */
export function MessageMetrics({ message }: { message: Message }) {
  if (message.role !== "assistant" || message.status !== "done") return null;
  const parts: string[] = [];
  if (message.firstTokenMs !== undefined) parts.push(`first token ${Math.round(message.firstTokenMs)} ms`);
  if (message.totalMs !== undefined) parts.push(`total ${(message.totalMs / 1000).toFixed(1)} s`);
  const tokens = message.usage?.completion_tokens;
  if (tokens !== undefined) {
    parts.push(`${tokens} tokens`);
    const writingMs = (message.totalMs ?? 0) - (message.firstTokenMs ?? 0);
    if (writingMs > 0 && tokens > 1) parts.push(`${Math.round((tokens - 1) / (writingMs / 1000))} tokens/s`);
  }
  if (parts.length === 0) return null;
  return <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{parts.join(" · ")}</p>;
}
