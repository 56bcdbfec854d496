"use client";

import type { ReactNode } from "react";
import { useChatActions, useChatStateReader, useChatStore } from "@/components/chat/chat-store-provider";
import { imageIdsIn, withoutImage } from "@/lib/chat/image-references";
import type { ErrorTexts } from "@/lib/i18n/error-texts";
import { selectActiveConversation, selectActiveMessageIds } from "@/lib/store/chat-selectors";
import type { ChatState, ConversationSettings, Message } from "@/lib/store/chat-types";

/** The question an answer answers: the message before it in the shown conversation. */
function questionBefore(state: ChatState, answerId: string): Message | undefined {
  const ids = selectActiveMessageIds(state);
  const question = state.messages[ids[ids.indexOf(answerId) - 1] ?? ""];
  return question?.role === "user" ? question : undefined;
}

interface RefusalActionsProps {
  reason: string;
  answerId: string;
  texts: ErrorTexts;
  buttonClass: string;
  disabled: boolean;
}

/**
 * What a reader can do in one click about the last answer's refusal by the
 * model, besides what its text says; each only where it can help:
 * - a model that reads no images: ask the question again as its text alone,
 *   an edit (the question with its images stays, as the earlier version);
 * - a conversation longer than the model reads: ask the question in a new
 *   chat with the same settings, when there was something before it;
 * - a model the server does not have: ask the server's default model, when
 *   the conversation chose another;
 * - a setting the model refuses: ask again with the model's own temperature
 *   and reasoning effort, when the conversation set either.
 * The settings changed are the conversation's, as if changed in Settings.
 */
export function RefusalActions({ reason, answerId, texts, buttonClass, disabled }: RefusalActionsProps) {
  const question = useChatStore((state) => questionBefore(state, answerId));
  const hasEarlierMessages = useChatStore((state) => selectActiveMessageIds(state).indexOf(answerId) > 1);
  const settings = useChatStore((state) => selectActiveConversation(state)?.settings);
  const { editAndResend, newConversation, updateSettings, send, regenerate } = useChatActions();
  const readState = useChatStateReader();
  const action = (label: string, act: () => void): ReactNode => (
    <button type="button" disabled={disabled} onClick={act} className={buttonClass}>
      {label}
    </button>
  );
  const askAgainWith = (change: Partial<ConversationSettings>) => () => {
    updateSettings(change);
    void regenerate();
  };
  if (!question) return null;

  if (reason === "images_not_supported") {
    const textAlone = imageIdsIn(question.content).reduce(withoutImage, question.content).trim();
    return textAlone === "" ? null : action(texts.askWithoutImages, () => void editAndResend(question.id, textAlone));
  }
  if (reason === "context_length_exceeded" && hasEarlierMessages) {
    return action(texts.askInNewChat, () => {
      const kept = selectActiveConversation(readState())?.settings;
      newConversation();
      if (kept) updateSettings(kept);
      void send(question.content);
    });
  }
  if (reason === "model_not_found" && settings?.model !== undefined) return action(texts.askDefaultModel, askAgainWith({ model: undefined }));
  if (reason === "unsupported_setting" && (settings?.temperature !== undefined || settings?.reasoningEffort !== undefined)) {
    return action(texts.askWithModelDefaults, askAgainWith({ temperature: undefined, reasoningEffort: undefined }));
  }
  return null;
}
