/**
 * What runs inside the page for the page benchmark. Plain functions that
 * Playwright serializes into the page, so they may use nothing from outside.
 */

export interface PageProbe {
  longTasks: Array<{ start: number; duration: number }>;
  frames: number[];
  startedAt: number;
  streamingFrom?: number;
  /** The whole answer on screen: page clock, and ms since the epoch (to compare with the mock's clock). */
  shownAt?: number;
  shownAtEpoch?: number;
}

declare global {
  interface Window {
    __benchProbe?: PageProbe;
  }
}

/** Installed before the page's own scripts: long tasks are only reported to observers that exist. */
export function installProbe(): void {
  const probe: PageProbe = { longTasks: [], frames: [], startedAt: 0 };
  window.__benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
}

/**
 * Counts animation frames from now, and notes the first frame in which the
 * answer after the `existing` ones is finished and shows `endMarker`; the
 * time is taken in a task after that frame, so after it was painted.
 */
export function watchAnswer({ existing, endMarker }: { existing: number; endMarker: string }): void {
  const probe = window.__benchProbe as PageProbe;
  probe.frames = [];
  probe.startedAt = performance.now();
  probe.streamingFrom = undefined;
  probe.shownAt = undefined;
  probe.shownAtEpoch = undefined;
  const tick = (time: number) => {
    probe.frames.push(time);
    const answers = document.querySelectorAll<HTMLElement>('[role="log"] article[data-role="assistant"]');
    const answer = answers.length > existing ? answers[answers.length - 1] : undefined;
    const status = answer?.dataset.status;
    if (status === "streaming") probe.streamingFrom ??= time;
    if (answer && status !== "waiting" && status !== "streaming" && answer.querySelector('[data-part="content"]')?.textContent?.includes(endMarker)) {
      setTimeout(() => {
        probe.shownAt = performance.now();
        probe.shownAtEpoch = performance.timeOrigin + probe.shownAt;
      });
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Renders so far of each message on the page (`window.__streamchatRenderCounts`
 * also counts other things, such as markdown blocks), and the id of the last answer.
 */
export function renderCounts(): { counts: Record<string, number>; lastAnswerId?: string } {
  const all = window.__streamchatRenderCounts ?? new Map<string, number>();
  const articles = [...document.querySelectorAll<HTMLElement>('[role="log"] article[data-message-id]')];
  const ids = articles.map((article) => article.dataset.messageId ?? "");
  const answers = articles.filter((article) => article.dataset.role === "assistant");
  return {
    counts: Object.fromEntries(ids.map((id) => [id, all.get(id) ?? 0])),
    lastAnswerId: answers[answers.length - 1]?.dataset.messageId,
  };
}
