declare global {
  interface Window {
    /** Renders per message id, read by the e2e tests and the page benchmark. */
    __streamchatRenderCounts?: Map<string, number>;
  }
}

/** Counts one render of `id`. A Map increment: cheap enough to leave on in production, where it is measured. */
export function countRender(id: string): void {
  if (typeof window === "undefined") return;
  const counts = (window.__streamchatRenderCounts ??= new Map());
  counts.set(id, (counts.get(id) ?? 0) + 1);
}
