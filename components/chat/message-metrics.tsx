"use client";

import { useMessageTexts } from "@/components/chat/use-message-texts";
import { useLocale } from "@/components/preferences/use-preferences";
import type { Message } from "@/lib/store/chat-types";

/**
 * Under a finished answer: the model that wrote it (a conversation's answers,
 * and a regenerated answer's versions, may each be another's), then usage and
 * speed: time to first token, total time, tokens, tokens per second.
 */
export function MessageMetrics({ message }: { message: Message }) {
  const texts = useMessageTexts();
  const locale = useLocale();
  if (message.role !== "assistant" || message.status !== "done") return null;
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const tenths = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const parts: string[] = message.model ? [message.model] : [];
  if (message.firstTokenMs !== undefined) parts.push(texts.firstToken(whole.format(message.firstTokenMs)));
  if (message.totalMs !== undefined) parts.push(texts.total(tenths.format(message.totalMs / 1000)));
  const tokens = message.usage?.completion_tokens;
  if (tokens !== undefined) {
    parts.push(texts.tokens(whole.format(tokens)));
    const writingMs = (message.totalMs ?? 0) - (message.firstTokenMs ?? 0);
    if (writingMs > 0 && tokens > 1) parts.push(texts.tokensPerSecond(whole.format((tokens - 1) / (writingMs / 1000))));
  }
  if (parts.length === 0) return null;
  return <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{parts.join(" · ")}</p>;
}
