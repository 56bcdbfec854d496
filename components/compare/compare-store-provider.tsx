"use client";

import { useEffect, useState, type ReactNode } from "react";
import { createStoreContext } from "@/components/store-context";
import { completeChat, streamChat } from "@/lib/client/chat-stream";
import { createCompareStore, type CompareState } from "@/lib/store/compare";
import { replayEarlyClick } from "@/lib/ui/replay-early-click";

const compareStore = createStoreContext<CompareState>("compare");

/** One compare store per page, made in the browser, with the real client, animation frames and clock. */
export function CompareStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() =>
    createCompareStore({ streamChat, completeChat, scheduleFrame: (callback) => requestAnimationFrame(() => callback()), now: () => performance.now() }),
  );
  useEffect(replayEarlyClick, []);
  return <compareStore.Provider value={store}>{children}</compareStore.Provider>;
}

/** Selects from the compare store; the lanes change every frame while a run goes on, so select narrowly. */
export const useCompareStore = compareStore.useSelector;

/** The store's actions; they never change, so reading them subscribes to nothing. */
export function useCompareActions(): Pick<CompareState, "run" | "stop"> {
  return compareStore.useStoreApi().getState();
}
