"use client";

import { useState } from "react";
import { useChatStore } from "@/components/chat/chat-store-provider";
import { useTranslations } from "@/components/preferences/use-preferences";
import type { ChatState } from "@/lib/store/chat";
import { selectActiveMessageIds } from "@/lib/store/chat-selectors";

function selectLastAnswer(state: ChatState) {
  const lastId = selectActiveMessageIds(state).at(-1);
  const last = lastId === undefined ? undefined : state.messages[lastId];
  return last?.role === "assistant" ? last : undefined;
}

/**
 * A reasoning model reasons, and its answer has not begun (its reasoning in its own field, or between <think> tags).
 * Not answerAndReasoning (lib/chat/split-thinking.ts), which the message rows use: this component is first-load JS.
 */
function isThinking(answer: ReturnType<typeof selectLastAnswer>): boolean {
  if (answer?.status !== "streaming") return false;
  const { content, reasoning } = answer;
  return reasoning === undefined ? /^\s*<think>/.test(content) && !content.includes("</think>") : content === "";
}

/**
 * A visually hidden polite status that says once when an answer is complete
 * or stopped. The log is `aria-busy` while an answer streams, so screen
 * readers do not read it token by token; this tells them when to read it.
 * A failed answer says nothing here: its `role="alert"` speaks for it. While
 * the connection is lost mid-answer, it says that the page is reconnecting;
 * while a reasoning model reasons (seen, but no answer yet), that it is thinking.
 */
export function AnswerAnnouncer() {
  const t = useTranslations();
  const conversationId = useChatStore((state) => state.activeConversationId);
  const status = useChatStore((state) => selectLastAnswer(state)?.status);
  const reconnecting = useChatStore((state) => selectLastAnswer(state)?.reconnecting === true);
  const thinking = useChatStore((state) => isThinking(selectLastAnswer(state)));
  const [previous, setPrevious] = useState({ conversationId, status });
  const [announcement, setAnnouncement] = useState<"finished" | "stopped" | undefined>();

  // Worked out while rendering, from the last render's values (React's pattern for state that follows a change).
  if (previous.conversationId !== conversationId || previous.status !== status) {
    setPrevious({ conversationId, status });
    const wasAnswering = previous.status === "waiting" || previous.status === "streaming";
    // Only an answer that ends while the reader is in its conversation; switching conversations announces nothing.
    if (previous.conversationId === conversationId) {
      // A new answer clears the last announcement, so that the same words are spoken again at its end.
      // (A busy page may render it first as already streaming, never as waiting.)
      if (status === "waiting" || status === "streaming") setAnnouncement(undefined);
      else if (wasAnswering && status === "done") setAnnouncement("finished");
      else if (wasAnswering && status === "stopped") setAnnouncement("stopped");
    }
  }

  return (
    <p role="status" className="sr-only">
      {reconnecting ? t.message.reconnecting : thinking ? t.message.thinking : announcement === "finished" ? t.log.answerFinished : announcement === "stopped" ? t.log.answerStopped : ""}
    </p>
  );
}
