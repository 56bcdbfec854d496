"use client";

import { memo } from "react";
import type { Message } from "@/lib/store/chat";
import { useChatStore } from "@/components/chat/chat-store-provider";
import { MessageError } from "@/components/chat/message-error";
import { cn } from "@/lib/ui/cn";
import { countRender } from "@/lib/ui/render-counts";

function metricsLine(message: Message): string | undefined {
  if (message.status !== "done") return undefined;
  const parts: string[] = [];
  if (message.firstTokenMs !== undefined) parts.push(`first token ${Math.round(message.firstTokenMs)} ms`);
  if (message.totalMs !== undefined) parts.push(`total ${(message.totalMs / 1000).toFixed(1)} s`);
  const tokens = message.usage?.completion_tokens;
  if (tokens !== undefined) {
    parts.push(`${tokens} tokens`);
    const writingMs = (message.totalMs ?? 0) - (message.firstTokenMs ?? 0);
    if (writingMs > 0 && tokens > 1) parts.push(`${Math.round((tokens - 1) / (writingMs / 1000))} tokens/s`);
  }
  return parts.join(" · ") || undefined;
}

/**
 * One message. It selects only its own entry, so it re-renders when its own
 * text changes and never while another message grows.
 */
export const MessageItem = memo(function MessageItem({ id, isLast }: { id: string; isLast: boolean }) {
  const message = useChatStore((state) => state.messages[id]);
  countRender(id);
  if (!message) return null;
  const isUser = message.role === "user";
  const metrics = metricsLine(message);
  return (
    <article
      data-role={message.role}
      data-status={message.status}
      data-message-id={id}
      aria-label={isUser ? "You said" : "Assistant said"}
      className={cn("flex", isUser ? "justify-end" : "justify-start")}
    >
      <div
        className={cn(
          "max-w-full break-words",
          isUser ? "rounded-2xl bg-blue-600 px-4 py-2 text-white sm:max-w-[80%]" : "w-full text-slate-900 dark:text-slate-100",
        )}
      >
        {message.status === "waiting" && <span className="inline-block animate-pulse text-slate-500 dark:text-slate-400">Thinking…</span>}
        <div data-part="content" className="whitespace-pre-wrap leading-relaxed">
          {message.content}
        </div>
        {message.status === "streaming" && <span aria-hidden className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-slate-400 align-middle" />}
        {message.status === "stopped" && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Stopped.</p>}
        {message.finishReason === "length" && <p className="mt-2 text-xs text-amber-700 dark:text-amber-400">The answer was cut off at the token limit.</p>}
        {message.finishReason === "content_filter" && <p className="mt-2 text-xs text-amber-700 dark:text-amber-400">The provider&apos;s content filter ended this answer.</p>}
        {message.error && <MessageError error={message.error} isLast={isLast} />}
        {metrics && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{metrics}</p>}
      </div>
    </article>
  );
});
