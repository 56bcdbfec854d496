import type { ModelOption, ProviderKind } from "@/lib/providers/provider";
import { ChatClientError, connectionError, errorFromResponse } from "@/lib/client/chat-client-error";
import type { Connectivity } from "@/lib/client/reconnect-wait";

/** `GET /api/models`, with what this app adds: which provider answers, whether access codes are in use, and how large a request may be. */
export interface ModelsInfo {
  default: string;
  models: ModelOption[];
  provider?: ProviderKind;
  access?: "codes" | "open";
  /** Bytes a `POST /api/chat` body may have (CHAT_MAX_BODY_BYTES): how many earlier images a request can carry. */
  max_body_bytes?: number;
}

async function call(input: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(input, { ...init, headers: { "Content-Type": "application/json", ...init?.headers } });
  } catch (error) {
    throw connectionError(error, false);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

/** The models the page may offer; throws a `ChatClientError` (`unauthorized` when an access code is needed). */
export async function fetchModels(): Promise<ModelsInfo> {
  return (await (await call("/api/models")).json()) as ModelsInfo;
}

/** Opens a session with an access code (the server sets an HttpOnly cookie); throws `unauthorized` or `rate_limited`. */
export async function openSession(code: string): Promise<void> {
  await call("/api/session", { method: "POST", body: JSON.stringify({ code }) });
}

/** Ends the session: the next request will need the code again. */
export async function closeSession(): Promise<void> {
  await call("/api/session", { method: "DELETE" });
}

/**
 * Asks the server to end an answer wherever it is generated (Stop): its
 * upstream stops, not only this connection. Pressed while offline, it tries
 * again when the browser is back (or every 2 s) for `forMs`: a resumable
 * answer keeps generating for a while after its client went away.
 */
export async function cancelAnswer(answerId: string, connectivity?: Connectivity, forMs = 40_000): Promise<void> {
  const deadline = Date.now() + forMs;
  for (;;) {
    try {
      await call(`/api/chat/${encodeURIComponent(answerId)}/cancel`, { method: "POST" });
      return;
    } catch (error) {
      if (!(error instanceof ChatClientError && error.code === "network_error") || Date.now() > deadline) throw error;
      await waitBeforeTryingAgain(connectivity);
    }
  }
}

/**
 * Until the browser is back online, or 2 s. Only a Stop pressed offline needs
 * this: its code is a chunk, loaded then, not with the page. Offline that
 * chunk may not load at all (even while an answer's reconnecting runs the
 * same module from the stream client's chunk); then a plain 2 s wait does,
 * and the next try loads it again.
 */
async function waitBeforeTryingAgain(connectivity?: Connectivity): Promise<void> {
  let wait: typeof import("@/lib/client/reconnect-wait");
  try {
    wait = await import("@/lib/client/reconnect-wait");
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return;
  }
  await wait.waitToReconnect(2_000, undefined, connectivity ?? wait.browserConnectivity);
}
