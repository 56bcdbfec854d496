import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createThrottledStorage } from "@/lib/store/throttled-storage";
import { webStorage } from "@/lib/store/testing/web-storage";

/** The store's merge, left out where a test does its reading itself. */
const takeInNothing = () => undefined;

/** This tab saved once; then another tab wrote 100, and this tab's next write (2) came to its turn. */
function afterAnotherTabWrote() {
  const backing = webStorage();
  const storage = createThrottledStorage<{ count: number }>(() => backing, takeInNothing, 1_000);
  storage.setItem("chat", { state: { count: 1 }, version: 1 });
  vi.advanceTimersByTime(1_000);
  backing.setItem("chat", JSON.stringify({ state: { count: 100 }, version: 1 }));
  storage.setItem("chat", { state: { count: 2 }, version: 1 });
  vi.advanceTimersByTime(1_000);
  return { backing, storage };
}

describe("createThrottledStorage", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes a burst of states once, with the latest, after the interval", () => {
    const backing = webStorage();
    const storage = createThrottledStorage<{ count: number }>(() => backing, takeInNothing, 1_000);
    for (let count = 1; count <= 60; count += 1) storage.setItem("chat", { state: { count }, version: 1 });
    expect(backing.writes).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(backing.writes).toBe(1);
    expect(storage.getItem("chat")).toEqual({ state: { count: 60 }, version: 1 });
  });

  it("writes at most once per interval while states keep coming", () => {
    const backing = webStorage();
    const storage = createThrottledStorage<{ count: number }>(() => backing, takeInNothing, 1_000);
    for (let frame = 0; frame < 300; frame += 1) {
      storage.setItem("chat", { state: { count: frame }, version: 1 });
      vi.advanceTimersByTime(16);
    }
    // 300 frames of 16 ms are 4.8 s: four or five writes, not three hundred.
    expect(backing.writes).toBeGreaterThanOrEqual(4);
    expect(backing.writes).toBeLessThanOrEqual(5);
  });

  it("flush writes the pending state at once, and nothing when none is pending", () => {
    const backing = webStorage();
    const storage = createThrottledStorage<{ count: number }>(() => backing, takeInNothing, 1_000);
    storage.setItem("chat", { state: { count: 1 }, version: 1 });
    storage.flush();
    expect(backing.writes).toBe(1);
    storage.flush();
    vi.advanceTimersByTime(5_000);
    expect(backing.writes).toBe(1);
  });

  it("keeps the chat going when the storage refuses to write", () => {
    const storage = createThrottledStorage<{ count: number }>(() => {
      const full = webStorage();
      full.setItem = () => {
        throw new DOMException("quota", "QuotaExceededError");
      };
      return full;
    }, takeInNothing, 10);
    storage.setItem("chat", { state: { count: 1 }, version: 1 });
    expect(() => vi.advanceTimersByTime(10)).not.toThrow();
  });

  it("does not overwrite another tab's write it has not taken in yet, and writes once it has", () => {
    const { storage } = afterAnotherTabWrote();
    expect(storage.getItem("chat")).toEqual({ state: { count: 100 }, version: 1 });
    // The other tab's write was read (the store merged it) and this tab writes the merged state.
    storage.setItem("chat", { state: { count: 102 }, version: 1 });
    vi.advanceTimersByTime(1_000);
    expect(storage.getItem("chat")).toEqual({ state: { count: 102 }, version: 1 });
  });

  it("asks for another tab's write to be taken in, never writes over it (not even when flushed), and writes once it is", () => {
    const backing = webStorage();
    const asked: Array<string | null> = [];
    const storage = createThrottledStorage<{ count: number }>(() => backing, (previousText) => asked.push(previousText), 1_000);
    storage.setItem("chat", { state: { count: 1 }, version: 1 });
    vi.advanceTimersByTime(1_000);
    const mine = backing.getItem("chat");
    backing.setItem("chat", JSON.stringify({ state: { count: 100 }, version: 1 }));
    storage.setItem("chat", { state: { count: 2 }, version: 1 });
    vi.advanceTimersByTime(5_000);
    storage.flush();
    expect(backing.getItem("chat")).toBe(JSON.stringify({ state: { count: 100 }, version: 1 }));
    // Asked with what this tab last knew, the text its merge should take for what was there before.
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set([mine]));
    // The store takes it in (reading it) and saves the merged state: that goes ahead.
    storage.getItem("chat");
    storage.setItem("chat", { state: { count: 102 }, version: 1 });
    vi.advanceTimersByTime(1_000);
    expect(backing.getItem("chat")).toBe(JSON.stringify({ state: { count: 102 }, version: 1 }));
  });

  it("never writes a state asked for before another tab's write was read, even while the read waits to be taken in", () => {
    const backing = webStorage();
    const storage = createThrottledStorage<{ count: number }>(() => backing, takeInNothing, 1_000);
    // This tab's state, not saved yet; then another tab writes, and this tab reads that write (its merge comes later:
    // the page may still be loading the code that reads saved chats).
    storage.setItem("chat", { state: { count: 1 }, version: 1 });
    const theirs = JSON.stringify({ state: { count: 100 }, version: 1 });
    backing.setItem("chat", theirs);
    expect(storage.getItem("chat")).toEqual({ state: { count: 100 }, version: 1 });
    expect(storage.hasPending()).toBe(true);
    vi.advanceTimersByTime(5_000);
    storage.flush();
    expect(backing.getItem("chat")).toBe(theirs);
    // Taken in, the merged state is saved.
    storage.setItem("chat", { state: { count: 101 }, version: 1 });
    vi.advanceTimersByTime(1_000);
    expect(backing.getItem("chat")).toBe(JSON.stringify({ state: { count: 101 }, version: 1 }));
  });
});

describe("when the browser's storage is full", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("says so once, tries again with the next change without taking its own unsaved write for another tab's, and says when saving works again", () => {
    const backing = webStorage({ quota: 200 });
    const full: boolean[] = [];
    const takenIn: Array<string | null> = [];
    const storage = createThrottledStorage<{ text: string }>(() => backing, (previous) => takenIn.push(previous), 1_000, (isFull) => full.push(isFull));
    storage.setItem("chat", { state: { text: "short" }, version: 1 });
    vi.advanceTimersByTime(1_000);
    expect(full).toEqual([]);

    // Two changes too large to fit, each tried in its turn: one "full".
    storage.setItem("chat", { state: { text: "x".repeat(300) }, version: 1 });
    vi.advanceTimersByTime(1_000);
    storage.setItem("chat", { state: { text: "y".repeat(300) }, version: 1 });
    vi.advanceTimersByTime(1_000);
    expect(full).toEqual([true]);
    expect(backing.getItem("chat")).toContain("short");

    // Room again (the person deleted conversations): saved, and said.
    storage.setItem("chat", { state: { text: "fits" }, version: 1 });
    vi.advanceTimersByTime(1_000);
    expect(full).toEqual([true, false]);
    expect(storage.getItem("chat")).toEqual({ state: { text: "fits" }, version: 1 });
    expect(takenIn).toEqual([]);
  });
});
