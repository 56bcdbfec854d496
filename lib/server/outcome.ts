import type { Usage } from "@/lib/chat/events";

export type OutcomeKind =
  | "success"
  | "client_disconnected_before_streaming"
  | "client_disconnected_while_streaming"
  | "error"
  | "cancelled";

/** One per request that reached the model (shared/PROTOCOL.md). */
export interface Outcome {
  event: "chat.outcome";
  id: string;
  outcome: OutcomeKind;
  model: string;
  ms: number;
  ttft_ms?: number;
  deltas: number;
  /** Added: a reasoning model's reasoning events, when there were some. */
  reasoning_deltas?: number;
  usage?: Usage;
  error?: string;
  /** Resumable answers only: how many times a client re-attached, on any instance. */
  resumes?: number;
}

type OutcomeListener = (outcome: Outcome) => void;

const listeners = new Set<OutcomeListener>();

/**
 * Attach a logging or billing hook: every outcome passes here and nowhere
 * else. Returns a function that detaches it.
 */
export function onOutcome(listener: OutcomeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Writes the outcome as one JSON line on standard output and hands it to the hooks. */
export function recordOutcome(outcome: Outcome): void {
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
  for (const listener of listeners) listener(outcome);
}
