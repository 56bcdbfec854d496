"use client";

import { useChatActions, useChatStore } from "@/components/chat/chat-store-provider";

/** Signs out where access codes are in use: the next person at this browser needs the code again. */
export function LockButton({ onLocked }: { onLocked: () => void }) {
  const codesInUse = useChatStore((state) => state.models?.access === "codes" && !state.accessRequired);
  const { lock } = useChatActions();
  if (!codesInUse) return null;
  return (
    <button
      type="button"
      onClick={() => void lock().then(onLocked)}
      className="rounded-lg px-3 py-2 text-sm text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
    >
      Lock (sign out)
    </button>
  );
}
