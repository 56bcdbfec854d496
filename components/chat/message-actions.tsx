"use client";

import { randomId, useChatActions, useChatStateReader, useChatStateWriter, useChatStore } from "@/components/chat/chat-store-provider";
import { composerMessageId } from "@/components/chat/element-ids";
import { useTranslations } from "@/components/preferences/use-preferences";
import { withBranchedConversation } from "@/lib/store/branch-conversation";
import { CopyButton } from "@/components/chat/copy-button";
import { ReadAloudButton } from "@/components/chat/read-aloud-button";
import { RegenerateWith } from "@/components/chat/regenerate-with";
import { VersionSwitcher } from "@/components/chat/version-switcher";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { selectAnsweringId, selectIsLastMessage } from "@/lib/store/chat-selectors";
import type { Message } from "@/lib/store/chat-types";
import { cn } from "@/lib/ui/cn";

const actionClass =
  "rounded-md px-2 py-1 text-xs text-slate-600 hover:bg-slate-200 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100";

/**
 * Copy (and, for an answer, Read aloud and Branch from here), and what can
 * be done next with a finished message: go through its versions, edit a
 * question, regenerate the last answer (with another model, too), or continue
 * it when it ended early (cut off at the token limit, stopped).
 */
export function MessageActions({
  message,
  text,
  onEdit,
}: {
  message: Message;
  /** What Copy takes: the message's text, without reasoning written into an answer. */
  text: string;
  onEdit: () => void;
}) {
  // Selected here, not passed down: when a new message comes, only this bar of the one before re-renders, not its text.
  const isLast = useChatStore((state) => selectIsLastMessage(state, message.id));
  const busy = useChatStore((state) => selectAnsweringId(state) !== undefined);
  const { regenerate, continueAnswer, showVersion, showBranch } = useChatActions();
  const texts = useMessageTexts();
  const t = useTranslations();
  const readState = useChatStateReader();
  const writeState = useChatStateWriter();
  if (message.status === "waiting" || message.status === "streaming") return null;

  function branch() {
    const conversationId = readState().activeConversationId ?? "";
    const title = texts.branchTitle(readState().conversations[conversationId]?.title || t.page.newChat);
    writeState((state) => withBranchedConversation(state, { conversationId, messageId: message.id, newId: randomId(), title, now: Date.now() }));
    // The branch is shown; what comes next is asking it something.
    document.getElementById(composerMessageId)?.focus();
  }

  const isUser = message.role === "user";
  // An edited question's branches (any question), a regenerated answer's versions (the last answer: only it regenerates).
  const others = isUser ? message.branches : isLast ? message.versions : undefined;
  const shown = isUser ? message.branch : message.version;
  const count = (others?.length ?? 0) + 1;
  // An answer an error broke off is continued from its error's box, which waits out a rate limit.
  const endedEarly = message.finishReason === "length" || message.status === "stopped";
  return (
    <div className={cn("mt-1 flex flex-wrap gap-1", isUser && "justify-end")}>
      {text && <CopyButton text={text} label={isUser ? texts.copyMessage : texts.copyAnswer} className={actionClass} />}
      {text && !isUser && <ReadAloudButton messageId={message.id} className={actionClass} />}
      {text && !isUser && (
        <button type="button" onClick={branch} className={actionClass}>
          {texts.branch}
        </button>
      )}
      {!busy && count > 1 && (
        <VersionSwitcher
          count={count}
          shown={Math.min(shown ?? count - 1, count - 1)}
          onShow={(index) => (isUser ? showBranch : showVersion)(message.id, index)}
          className={actionClass}
        />
      )}
      {isUser && !busy && (
        // data-action: the Up key in an empty message box presses the last one (components/chat/keyboard-shortcuts.ts).
        <button type="button" onClick={onEdit} data-action="edit" className={actionClass}>
          {texts.edit}
        </button>
      )}
      {!isUser && isLast && !busy && !message.error && (
        <>
          <button type="button" onClick={() => void regenerate()} className={actionClass}>
            {texts.regenerate}
          </button>
          <RegenerateWith className={actionClass} />
        </>
      )}
      {!isUser && isLast && !busy && endedEarly && message.content !== "" && (
        <button type="button" onClick={() => void continueAnswer()} className={actionClass}>
          {texts.continueAnswer}
        </button>
      )}
    </div>
  );
}
