import type { StoreApi } from "zustand";
import { ChatClientError } from "@/lib/client/chat-client-error";
import type { ModelsInfo } from "@/lib/client/api-client";

export interface AccessDependencies {
  fetchModels(): Promise<ModelsInfo>;
  openSession(code: string): Promise<void>;
  closeSession(): Promise<void>;
}

/** The page's side of access codes (protocol v1.1, "Access"), and the model list that needs access too. */
export interface AccessState {
  models: ModelsInfo | undefined;
  /** The server asked for an access code: the page shows the form instead of failing. */
  accessRequired: boolean;
  loadModels(): Promise<void>;
  /** Opens a session and sends again what was interrupted by the 401. Resolves to what to tell the person when it failed. */
  unlock(code: string): Promise<string | undefined>;
  /** Ends the session (sign out); the form shows until a code is entered again. */
  lock(): Promise<void>;
}

type AccessStore = Pick<StoreApi<AccessState>, "setState" | "getState">;

export function isAccessRefused(error: unknown): boolean {
  return error instanceof ChatClientError && error.code === "unauthorized";
}

/**
 * The access state and actions. `resendInterrupted` asks again for the
 * conversation whose answer a 401 stopped, so the message is not lost.
 */
export function createAccessSlice(store: AccessStore, dependencies: AccessDependencies, resendInterrupted: () => void): AccessState {
  return {
    models: undefined,
    accessRequired: false,

    async loadModels() {
      try {
        store.setState({ models: await dependencies.fetchModels() });
      } catch (error) {
        // Without the list the chat still works, on the server's default model.
        if (isAccessRefused(error)) store.setState({ accessRequired: true });
      }
    },

    async unlock(code) {
      try {
        await dependencies.openSession(code.trim());
      } catch (error) {
        return error instanceof ChatClientError ? error.message : "Could not check the code. Try again.";
      }
      store.setState({ accessRequired: false });
      void store.getState().loadModels();
      resendInterrupted();
      return undefined;
    },

    async lock() {
      try {
        await dependencies.closeSession();
      } catch {
        // Already without access (an expired cookie): locked either way.
      }
      store.setState({ accessRequired: true });
    },
  };
}
