import { describe, expect, test } from "vitest";
import { MemoryAnswerLog } from "@/lib/shared-state/memory-answer-log";
import { describeAnswerLogContract, loggedDelta, readAll } from "@/lib/shared-state/testing/answer-log-contract";

const ttlMs = 300;

describeAnswerLogContract("memory", () => {
  const log = new MemoryAnswerLog(ttlMs);
  return { writer: log, reader: log, settle: async () => undefined, ttlMs };
});

describe("memory answer log", () => {
  test("over its budget, the oldest ended answers are forgotten first; live ones never", async () => {
    const log = new MemoryAnswerLog(60_000, 100);
    const live = log.create("live", { onFollowerChange: () => undefined });
    live.append([loggedDelta(0, "x".repeat(80))]);
    for (const id of ["old", "new"]) {
      const writer = log.create(id, { onFollowerChange: () => undefined });
      writer.append([loggedDelta(0, "y".repeat(60))]);
      writer.end();
    }
    expect(log.has("old")).toBe(false);
    expect(log.has("new")).toBe(true);
    expect(log.has("live")).toBe(true);
    const follower = await log.follow("new", -1);
    expect((await readAll(follower!)).text).toBe(loggedDelta(0, "y".repeat(60)).text);
  });

  test("a position ahead of the answer waits for the events after it", async () => {
    const log = new MemoryAnswerLog();
    const writer = log.create("ahead", { onFollowerChange: () => undefined });
    writer.append([loggedDelta(0, "a")]);
    const follower = await log.follow("ahead", 2);
    writer.append([loggedDelta(1, "b"), loggedDelta(2, "c")]);
    writer.append([loggedDelta(3, "d")]);
    writer.end();
    expect(await readAll(follower!)).toEqual({ text: loggedDelta(3, "d").text, ended: true });
  });
});
