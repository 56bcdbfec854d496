import OpenAI from "openai";
import { abortableDelay } from "@/lib/server/abortable-delay";

function isConnectFailure(error: unknown): boolean {
  return error instanceof OpenAI.APIConnectionError && !(error instanceof OpenAI.APIConnectionTimeoutError);
}

/**
 * Opens the upstream request, trying once more after `delayMs` when the
 * connection failed before the model answered at all (refused, reset, DNS):
 * then nothing was generated or paid for. Nothing else is retried: a 429 or
 * 5xx retried behind the reader's back multiplies cost and wait (the SDK's
 * own retries are off), and once a token is relayed a retry would repeat text.
 */
export async function withConnectRetry<T>(open: () => Promise<T>, signal: AbortSignal, delayMs = 250): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (!isConnectFailure(error) || signal.aborted) throw error;
    await abortableDelay(delayMs, signal);
    return open();
  }
}
