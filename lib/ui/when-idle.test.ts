import { afterEach, expect, test, vi } from "vitest";
import { whenIdle } from "@/lib/ui/when-idle";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

test("waits for the browser's idle time, at most the given time, and can be called off", () => {
  const waiting: Array<{ job: () => void; timeout?: number }> = [];
  const cancelled: number[] = [];
  vi.stubGlobal("requestIdleCallback", (job: () => void, options?: { timeout?: number }) => waiting.push({ job, timeout: options?.timeout }));
  vi.stubGlobal("cancelIdleCallback", (handle: number) => cancelled.push(handle));
  const job = vi.fn();
  const cancel = whenIdle(job, 500);
  expect(waiting).toEqual([{ job, timeout: 500 }]);
  expect(job).not.toHaveBeenCalled();
  cancel();
  expect(cancelled).toEqual([1]);
});

test("without requestIdleCallback (Safari), runs after a short wait unless called off", () => {
  vi.useFakeTimers();
  vi.stubGlobal("requestIdleCallback", undefined);
  const ran = vi.fn();
  whenIdle(ran);
  const calledOff = vi.fn();
  whenIdle(calledOff)();
  vi.advanceTimersByTime(100);
  expect(ran).toHaveBeenCalledTimes(1);
  expect(calledOff).not.toHaveBeenCalled();
});
