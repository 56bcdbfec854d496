import { afterEach, describe, expect, test, vi } from "vitest";
import { runInSlices } from "@/lib/ui/run-in-slices";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("runInSlices", () => {
  test("runs the jobs in order, and those after a job that throws too; the error is reported, not swallowed", async () => {
    const reported: unknown[] = [];
    // The error is rethrown in a microtask (an uncaught error for the page): caught here instead.
    vi.stubGlobal("queueMicrotask", (callback: () => void) => {
      try {
        callback();
      } catch (error) {
        reported.push(error);
      }
    });
    const ran: string[] = [];
    const failure = new RangeError("Maximum call stack size exceeded");
    runInSlices(() => ran.push("first"));
    runInSlices(() => {
      throw failure;
    });
    runInSlices(() => ran.push("after the failure"));
    const cancel = runInSlices(() => ran.push("cancelled"));
    cancel();
    await vi.waitFor(() => expect(ran).toEqual(["first", "after the failure"]));
    expect(reported).toEqual([failure]);
    // The queue still works for what comes later.
    runInSlices(() => ran.push("later"));
    await vi.waitFor(() => expect(ran).toContain("later"));
  });
});
