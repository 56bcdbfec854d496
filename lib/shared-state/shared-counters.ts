import { FixedWindowCounter, type WindowCount } from "@/lib/server/fixed-window-counter";

export type { WindowCount };

/**
 * Counters of events per key in one-minute windows (rate limits, wrong
 * access codes), shared by every instance when Redis is there (protocol
 * v1.1, "Many instances"), or kept in this process.
 */
export interface SharedCounters {
  add(key: string): Promise<WindowCount>;
  peek(key: string): Promise<WindowCount>;
}

/** One instance's counters, in memory. */
export function memoryCounters(now: () => number = Date.now): SharedCounters {
  const counter = new FixedWindowCounter(now);
  return {
    add: async (key) => counter.add(key),
    peek: async (key) => counter.peek(key),
  };
}
