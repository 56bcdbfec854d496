import type { PersistStorage } from "zustand/middleware";
import { vi } from "vitest";
import type { PersistedChat } from "@/lib/store/chat";
import { createHarness, type Harness } from "@/lib/store/testing/chat-store-harness";
import { webStorage } from "@/lib/store/testing/web-storage";
import { createThrottledStorage } from "@/lib/store/throttled-storage";

/*
 * Two tabs of the page over one Web Storage, for tests that play their
 * events in many random orders (lib/store/two-tabs-*.test.ts). Load the
 * saved chats' reader first (`loadSavedChatReader`): with the clock faked,
 * a first dynamic import would never be waited for.
 */

/** Numbers in [0, 1), the same for a seed every run: a failing seed can be run again. */
export function randomNumbers(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
}

/** Waits for `step` with the clock faked: the harness lets each step settle on a zero timer. */
export async function settled(step: Promise<void> | undefined): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
  await step;
}

/**
 * Two tabs wired as the page wires them: saves throttled; each write heard by
 * the other tab as a storage event, some time later but in the order written
 * (browsers queue them so); once `slowReads` is called, half the reads taken
 * in later, as when the code that reads saved chats is still being fetched
 * (`release` lets the oldest waiting read go).
 */
export function twoTabs(random: () => number) {
  const shared = webStorage();
  const waitingReads: Array<() => void> = [];
  let readsWait = false;
  const tabs: Harness[] = [];
  const heard: Array<Array<string | null>> = [[], []];
  for (const index of [0, 1]) {
    const other = 1 - index;
    const queue = heard[other] as Array<string | null>;
    const hearNext = () => {
      void tabs[other]?.state().takeOtherTabWrite(queue.shift() ?? null);
      if (queue.length > 0) setTimeout(hearNext, Math.floor(random() * 300));
    };
    const seenByThisTab: Storage = Object.assign(Object.create(shared) as Storage, {
      getItem: (key: string) => shared.getItem(key),
      setItem(key: string, value: string) {
        queue.push(shared.getItem(key));
        shared.setItem(key, value);
        if (queue.length === 1) setTimeout(hearNext, Math.floor(random() * 300));
      },
    });
    const throttled = createThrottledStorage<PersistedChat>(() => seenByThisTab, (previousText) => void tabs[index]?.state().takeOtherTabWrite(previousText), 1_000);
    const storage: PersistStorage<PersistedChat> = {
      ...throttled,
      getItem(name) {
        const value = throttled.getItem(name);
        return !readsWait || random() < 0.5 ? value : new Promise((resolve) => waitingReads.push(() => resolve(value)));
      },
    };
    tabs.push(createHarness({ storage, idPrefix: `tab${index}` }));
  }
  return {
    /** What the tabs saved last. */
    saved: () => shared.getItem("streamchat"),
    tabs: tabs as [Harness, Harness],
    /** From now on, half the reads are taken in later. */
    slowReads: () => (readsWait = true),
    release: () => waitingReads.shift()?.(),
  };
}
