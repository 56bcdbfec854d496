"use client";

import type { MessageError as MessageErrorValue } from "@/lib/store/chat";
import { useChatStore } from "@/components/chat/chat-store-provider";
import { useCountdown } from "@/components/chat/use-countdown";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { useLocale } from "@/components/preferences/use-preferences";
import { errorText } from "@/lib/i18n/error-text";
import { errorTexts } from "@/lib/i18n/error-texts";
import { RefusalActions } from "@/components/chat/refusal-actions";
import { selectAnsweringId, selectIsLastMessage } from "@/lib/store/chat-selectors";

const buttonClass = "rounded-md border border-red-400 px-2 py-0.5 font-medium hover:bg-red-100 disabled:opacity-60 dark:hover:bg-red-900";

/**
 * What went wrong with an answer, shown where the answer was (its partial
 * text stays above), and what the reader can do when retrying can help,
 * after the wait a rate limit asks for: try again, or continue the partial
 * answer from where it broke off; and for some refusals of the model, ask
 * the question in another way (components/chat/refusal-actions.tsx).
 */
export function MessageError({ error, messageId }: { error: MessageErrorValue; messageId: string }) {
  // Selected here, not passed down: when a new message comes, the message above does not re-render.
  const isLast = useChatStore((state) => selectIsLastMessage(state, messageId));
  const regenerate = useChatStore((state) => state.regenerate);
  const continueAnswer = useChatStore((state) => state.continueAnswer);
  const partial = useChatStore((state) => (state.messages[messageId]?.content ?? "") !== "");
  const messageTexts = useMessageTexts();
  const busy = useChatStore((state) => selectAnsweringId(state) !== undefined);
  const secondsLeft = useCountdown(error.retryAfterSeconds);
  // Not the page's dictionary: these texts come with this chunk (lib/i18n/error-texts.ts).
  const texts = errorTexts[useLocale()];
  return (
    <div
      role="alert"
      className="mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <span>
        {errorText(error, texts)}
        {!error.retryable && ` ${texts.retryingWillNotHelp}`}
      </span>
      {error.retryable && isLast && (
        <button
          type="button"
          disabled={busy || secondsLeft > 0}
          onClick={() => void regenerate()}
          className={buttonClass}
        >
          {secondsLeft > 0 ? texts.tryAgainIn(secondsLeft) : texts.tryAgain}
        </button>
      )}
      {isLast && error.reason && <RefusalActions reason={error.reason} answerId={messageId} texts={texts} buttonClass={buttonClass} disabled={busy} />}
      {error.retryable && isLast && partial && (
        <button type="button" disabled={busy || secondsLeft > 0} onClick={() => void continueAnswer()} className={buttonClass}>
          {messageTexts.continueAnswer}
        </button>
      )}
    </div>
  );
}
