import type { PersistStorage } from "zustand/middleware";
import { afterEach, expect, test, vi } from "vitest";
import type { AnswerUpdate } from "@/lib/client/answer-stream";
import { loadSavedChatReader, type PersistedChat } from "@/lib/store/chat";
import { createHarness, type Harness } from "@/lib/store/testing/chat-store-harness";
import { webStorage } from "@/lib/store/testing/web-storage";
import { createThrottledStorage } from "@/lib/store/throttled-storage";

// Loaded up front: with the clock faked, a first dynamic import would never be waited for. How slowly a tab
// takes a read in (the first time, the code that reads saved chats is fetched meanwhile) is played below.
await import("@/lib/store/merge-other-tab");
await loadSavedChatReader();

afterEach(() => vi.useRealTimers());

/** Numbers in [0, 1), the same for a seed every run: a failing seed can be run again. */
function randomNumbers(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
}

/** Waits for `step` with the clock faked: the harness lets each step settle on a zero timer. */
async function settled(step: Promise<void> | undefined): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
  await step;
}

/**
 * Two tabs over one Web Storage, wired as the page wires them: saves throttled, each write heard by the other tab
 * as a storage event some time later; once `slowReads` is called, a read taken in at once or later (`release` lets
 * the oldest waiting one go).
 */
function twoTabs(random: () => number) {
  const shared = webStorage();
  const waitingReads: Array<() => void> = [];
  let readsWait = false;
  const tabs: Harness[] = [];
  for (const index of [0, 1]) {
    const seenByThisTab: Storage = Object.assign(Object.create(shared) as Storage, {
      getItem: (key: string) => shared.getItem(key),
      setItem(key: string, value: string) {
        const oldValue = shared.getItem(key);
        shared.setItem(key, value);
        setTimeout(() => void tabs[1 - index]?.state().takeOtherTabWrite(oldValue), Math.floor(random() * 300));
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
    writing: tabs[0] as Harness,
    following: tabs[1] as Harness,
    /** From now on, half the reads are taken in later. */
    slowReads: () => (readsWait = true),
    release: () => waitingReads.shift()?.(),
  };
}

const tokens = 120;
const expected = Array.from({ length: tokens }, (_, index) => `Token ${index}. `).join("");
/** What the server sends, by event id: the answer's start, its tokens, its end. */
const events: AnswerUpdate[] = [
  { type: "start", id: "answer-1", model: "m", eventId: "0" },
  ...Array.from({ length: tokens }, (_, index): AnswerUpdate => ({ type: "delta", content: `Token ${index}. `, eventId: String(index + 1) })),
  { type: "finish", finish_reason: "stop", eventId: String(tokens + 1) },
];

test.each(Array.from({ length: 60 }, (_, index) => index + 1))(
  "a tab that follows another's answer, in any order of events (seed %i): the answer is exact in both, and never leaves the tab writing it",
  async (seed) => {
    const random = randomNumbers(seed);
    const { writing, following, slowReads, release } = twoTabs(random);
    // Loaded before the answer is asked for, as both pages are in the end-to-end test of two tabs.
    await writing.store.persist.rehydrate();
    await following.store.persist.rehydrate();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    slowReads();
    const sending = writing.state().send("Count for me");
    await vi.advanceTimersByTimeAsync(0);
    const answerId = writing.answeringId();
    let sent = 0;
    /** How far the second tab has read each answer it followed (a reload of the stream starts another). */
    const read = new Map<number, number>();
    for (let step = 0; step < 3_000 && (sent <= events.length || following.answeringId() !== undefined); step += 1) {
      const choice = random();
      if (choice < 0.12) {
        // The next network read of the tab that asked: one to three events, or the stream's end.
        const batch = events.slice(sent, sent + 1 + Math.floor(random() * 3));
        await settled(batch.length > 0 ? writing.answers[0]?.send(...batch) : writing.answers[0]?.end());
        sent += Math.max(batch.length, 1);
      } else if (choice < 0.35) {
        const index = following.answers.length - 1;
        const answer = following.answers[index];
        if (!answer || answer.signal.aborted || read.get(index) === Infinity) continue;
        const from = read.get(index) ?? ("lastEventId" in answer.source && answer.source.lastEventId !== undefined ? Number(answer.source.lastEventId) + 1 : 0);
        const batch = events.slice(from, Math.min(sent, from + 1 + Math.floor(random() * 3)));
        if (batch.length > 0) await settled(answer.send(...batch));
        else if (from >= events.length) await settled(answer.end());
        read.set(index, batch.length > 0 ? from + batch.length : from >= events.length ? Infinity : from);
      } else if (choice < 0.5) writing.runFrame();
      else if (choice < 0.65) following.runFrame();
      // A change of the second tab's own, saved with its next write.
      else if (choice < 0.68) following.state().dismissNotice();
      else if (choice < 0.75) release();
      else await vi.advanceTimersByTimeAsync(Math.floor(random() * 120));
      // Shown all along in the tab that asked, and only ever growing: no token lost, none twice.
      expect(expected.startsWith(writing.state().messages[answerId ?? ""]?.content ?? "missing")).toBe(true);
    }
    for (let index = 0; index < 10; index += 1) release();
    await vi.advanceTimersByTimeAsync(5_000);
    writing.runFrame();
    following.runFrame();
    await sending;
    expect(writing.state().messages[answerId ?? ""]).toMatchObject({ content: expected, status: "done" });
    expect(following.state().messages[answerId ?? ""]).toMatchObject({ content: expected, status: "done" });
  },
);
