/** How long one task may run queued jobs before it lets a frame (and input) through. */
const sliceMs = 8;

const queue: Array<{ job: () => void; cancelled: boolean }> = [];
let scheduled = false;

function drain(): void {
  const start = performance.now();
  while (queue.length > 0 && performance.now() - start < sliceMs) {
    const entry = queue.shift();
    if (!entry || entry.cancelled) continue;
    try {
      entry.job();
    } catch (error) {
      // Reported as uncaught, but the jobs after it still run: one bad job must not stop the
      // page's highlighting and typesetting until a reload.
      queueMicrotask(() => {
        throw error;
      });
    }
  }
  scheduled = queue.length > 0;
  if (scheduled) setTimeout(drain, 0);
}

/**
 * Runs `job` soon, in a task of its own with other queued jobs, at most
 * `sliceMs` of them per task, in order: work that comes all at once (every
 * code block of a long answer to highlight when the highlighter arrives) is
 * spread over tasks instead of being one long task. Returns a cancel.
 */
export function runInSlices(job: () => void): () => void {
  const entry = { job, cancelled: false };
  queue.push(entry);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drain, 0);
  }
  return () => {
    entry.cancelled = true;
  };
}
