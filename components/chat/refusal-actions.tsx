"use client";

import { useChatActions, useChatStateReader, useChatStore } from "@/components/chat/chat-store-provider";
import { imageIdsIn, withoutImage } from "@/lib/chat/image-references";
import type { ErrorTexts } from "@/lib/i18n/error-texts";
import { selectActiveConversation, selectActiveMessageIds } from "@/lib/store/chat-selectors";
import type { ChatState, Message } from "@/lib/store/chat-types";

/** The question an answer answers: the message before it in the shown conversation. */
function questionBefore(state: ChatState, answerId: string): Message | undefined {
  const ids = selectActiveMessageIds(state);
  const question = state.messages[ids[ids.indexOf(answerId) - 1] ?? ""];
  return question?.role === "user" ? question : undefined;
}

/**
 * What a reader can do in one click about the last answer's refusal by the
 * model, besides what its text says:
 * - a model that reads no images: ask the question again as its text alone,
 *   an edit (the question with its images stays, as the earlier version);
 * - a conversation longer than the model reads: ask the question in a new
 *   chat with the same settings (system prompt, model, temperature), when
 *   there was something before it to leave behind.
 */
export function RefusalActions({ reason, answerId, texts, buttonClass, disabled }: { reason: string; answerId: string; texts: ErrorTexts; buttonClass: string; disabled: boolean }) {
  const question = useChatStore((state) => (reason === "images_not_supported" || reason === "context_length_exceeded" ? questionBefore(state, answerId) : undefined));
  const hasEarlierMessages = useChatStore((state) => selectActiveMessageIds(state).indexOf(answerId) > 1);
  const { editAndResend, newConversation, updateSettings, send } = useChatActions();
  const readState = useChatStateReader();
  if (!question) return null;

  if (reason === "images_not_supported") {
    const textAlone = imageIdsIn(question.content).reduce(withoutImage, question.content).trim();
    if (textAlone === "") return null;
    return (
      <button type="button" disabled={disabled} onClick={() => void editAndResend(question.id, textAlone)} className={buttonClass}>
        {texts.askWithoutImages}
      </button>
    );
  }
  if (!hasEarlierMessages) return null;
  function askInNewChat(text: string) {
    const settings = selectActiveConversation(readState())?.settings;
    newConversation();
    if (settings) updateSettings(settings);
    void send(text);
  }
  return (
    <button type="button" disabled={disabled} onClick={() => askInNewChat(question.content)} className={buttonClass}>
      {texts.askInNewChat}
    </button>
  );
}
