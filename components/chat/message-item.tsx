"use client";

import { memo, Suspense, useRef, useState } from "react";
import { lazyComponent } from "@/components/lazy-component";
import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";
import { MessageActions } from "@/components/chat/message-actions";
import { MessageError } from "@/components/chat/message-error";
import { MessageMetrics } from "@/components/chat/message-metrics";
import { MessageReasoning } from "@/components/chat/message-reasoning";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { LazyMarkdownMessage, preloadMarkdown } from "@/components/markdown/lazy-markdown-message";
import { useTranslations } from "@/components/preferences/use-preferences";
import { mayHoldImages, withImagesNamed } from "@/lib/chat/image-scheme";
import { answerAndReasoning } from "@/lib/chat/split-thinking";
import { cn } from "@/lib/ui/cn";
import { countRender } from "@/lib/ui/render-counts";

// Editing a question is rare: its editor is a chunk of its own, and so is showing a question's images.
const MessageEditor = lazyComponent(() => import("@/components/chat/message-editor").then((module) => module.MessageEditor));
const QuestionText = lazyComponent(() => import("@/components/chat/question-text").then((module) => module.QuestionText));

// The markdown renderer (73 kB gzipped, the largest chunk after React) is asked for once the rows are here, not
// beside them: on a slow connection (60 kB/s, 300 ms) the two shared the line, and a question sent as the page
// came up was shown 2.3 s after Enter, now 1.3 s. Its answer shows as plain text until the renderer comes.
if (typeof window !== "undefined") preloadMarkdown();

/**
 * One message. It selects only its own entry, so it re-renders when its own
 * text changes and never while another message grows, nor when one is added
 * after it (whether it is the last is its action bar's to know).
 */
export const MessageItem = memo(function MessageItem({ id }: { id: string }) {
  const message = useChatStore((state) => state.messages[id]);
  const { editAndResend } = useChatActions();
  const [editing, setEditing] = useState(false);
  const contentRef = useRef<HTMLDivElement>(null);
  const t = useTranslations();
  const texts = useMessageTexts();
  countRender(id);
  if (!message) return null;
  const isUser = message.role === "user";
  const growing = message.status === "streaming" || message.status === "waiting";
  // Reasoning written into the answer between <think> tags is shown as the reasoning its server did not take out.
  const { answer, reasoning } = isUser ? { answer: message.content, reasoning: undefined } : answerAndReasoning(message.content, message.reasoning, growing);
  return (
    <article
      data-role={message.role}
      data-status={message.status}
      data-message-id={id}
      aria-label={isUser ? texts.youSaid : texts.assistantSaid}
      className={cn(
        "flex flex-col",
        isUser ? "items-end" : "items-start",
        // A message off screen is not laid out or painted until it nears the view (it keeps the size it
        // was last shown at): a long conversation opens without laying out every answer in it.
        message.status !== "streaming" && message.status !== "waiting" && "[contain-intrinsic-size:auto_120px] [content-visibility:auto]",
      )}
    >
      {editing ? (
        <Suspense fallback={null}>
          <MessageEditor
            initial={message.content}
            onCancel={() => setEditing(false)}
            onSave={(text) => {
              setEditing(false);
              void editAndResend(id, text);
            }}
          />
        </Suspense>
      ) : (
        <div
          className={cn(
            "max-w-full break-words",
            // The bubble is drawn by its background, which a contrast theme (forced colours) paints over: a border there.
            isUser ? "rounded-2xl bg-blue-600 px-4 py-2 text-white sm:max-w-[80%] forced-colors:border" : "w-full text-slate-900 dark:text-slate-100",
          )}
        >
          {message.status === "waiting" && <span className="inline-block animate-pulse text-slate-500 dark:text-slate-400">{t.message.thinking}</span>}
          {reasoning !== undefined && (reasoning !== "" || growing) && (
            <MessageReasoning reasoning={reasoning} answered={answer !== ""} thinking={answer === "" && message.status === "streaming"} reasoningMs={message.reasoningMs} />
          )}
          {isUser ? (
            <div data-part="content" className="whitespace-pre-wrap leading-relaxed">
              {mayHoldImages(message.content) ? (
                <Suspense fallback={withImagesNamed(message.content)}>
                  <QuestionText text={message.content} />
                </Suspense>
              ) : (
                message.content
              )}
            </div>
          ) : (
            // A person's words stay as typed; a model's answer is markdown. Not `content-visibility:
            // auto` on its blocks: with it the view lost its place while following a growing answer.
            <div ref={contentRef} data-part="content" className="leading-7">
              <Suspense fallback={<span className="whitespace-pre-wrap">{answer}</span>}>
                <LazyMarkdownMessage text={answer} streaming={message.status === "streaming"} viewRef={contentRef} />
              </Suspense>
            </div>
          )}
          {message.status === "streaming" && <span aria-hidden className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-slate-400 align-middle" />}
          {/* Said politely by the AnswerAnnouncer too (outside the busy log). */}
          {message.reconnecting && (message.status === "waiting" || message.status === "streaming") && (
            <p data-part="reconnecting" className="mt-2 text-xs text-amber-800 dark:text-amber-300">
              {t.message.reconnecting}
            </p>
          )}
          {message.status === "stopped" && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{texts.stopped}</p>}
          {message.finishReason === "length" && <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">{texts.cutOff}</p>}
          {message.finishReason === "content_filter" && <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">{texts.contentFilter}</p>}
          {message.error && <MessageError error={message.error} messageId={id} />}
          <MessageMetrics message={message} />
        </div>
      )}
      {/* A question's images are copied by name: their addresses mean nothing outside this browser. */}
      {!editing && <MessageActions message={message} text={isUser ? withImagesNamed(answer) : answer} onEdit={() => setEditing(true)} />}
    </article>
  );
});
