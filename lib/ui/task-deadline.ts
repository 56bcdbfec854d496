let deadline: number | undefined;

/**
 * When this task's share of some work must stop: one budget for everything
 * that asks within the same task (the first asker starts it). Forty long
 * answers of a conversation opened at once would otherwise each parse a
 * budget's worth before the first frame, and again in each frame after while
 * they catch up. A new task (the microtask after a render, or React's next
 * slice) starts a new budget.
 */
export function taskDeadline(budgetMs: number): number {
  if (deadline === undefined) {
    deadline = performance.now() + budgetMs;
    queueMicrotask(() => (deadline = undefined));
  }
  return deadline;
}
