import { keepAliveUntil } from "@/lib/server/keep-alive-until";
import type { AnswerRegistration } from "@/lib/shared-state/answer-cancels";

/**
 * What ends an answer: its cancel registration, its admission slot, and the
 * platform's wait for it (keepAliveUntil). In a module of its own because a
 * closure keeps everything its scope can see: made inside `answerChat` (where
 * the minifier would inline a local helper), it would keep the request's
 * whole conversation in memory for as long as the answer streams.
 */
export function answerEnd(release: () => void, cancellation: AnswerRegistration | undefined): () => void {
  let ended: () => void = () => undefined;
  keepAliveUntil(new Promise<void>((resolve) => (ended = resolve)));
  return () => {
    cancellation?.end();
    release();
    ended();
  };
}
