/**
 * Runs `job` once the browser has nothing else to do (within `timeoutMs` at
 * the latest), or after a short wait where there is no `requestIdleCallback`
 * (Safari). Returns a cancel.
 */
export function whenIdle(job: () => void, timeoutMs = 1_000): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(job, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(job, 50);
  return () => clearTimeout(timer);
}
