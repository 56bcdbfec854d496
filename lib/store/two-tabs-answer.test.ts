import { afterEach, expect, test, vi } from "vitest";
import type { AnswerUpdate } from "@/lib/client/answer-stream";
import { loadSavedChatReader } from "@/lib/store/chat";
import { randomNumbers, settled, twoTabs } from "@/lib/store/testing/two-tabs";

// Loaded up front: with the clock faked, a first dynamic import would never be waited for. How slowly a tab
// takes a read in (the first time, the code that reads saved chats is fetched meanwhile) is played by twoTabs.
await loadSavedChatReader();

afterEach(() => vi.useRealTimers());

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
    const {
      tabs: [writing, following],
      slowReads,
      release,
    } = twoTabs(random);
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
