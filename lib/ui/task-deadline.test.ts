import { expect, test } from "vitest";
import { taskDeadline } from "@/lib/ui/task-deadline";

test("everything that asks within one task shares the first asker's budget; the next task starts a new one", async () => {
  const first = taskDeadline(8);
  const startedAt = performance.now();
  while (performance.now() - startedAt < 2) {
    // a render that parsed for 2 ms
  }
  expect(taskDeadline(8)).toBe(first);
  expect(taskDeadline(1_000)).toBe(first);
  await Promise.resolve();
  expect(taskDeadline(8)).toBeGreaterThanOrEqual(first + 2);
});
