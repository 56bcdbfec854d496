import { lazy, type ComponentType } from "react";

const firstWait = 1_000;
const longestWait = 30_000;

/**
 * A chunk's import, tried again until it succeeds: once the browser is back
 * online, else after a wait that doubles (1 s, then up to 30 s). What needs
 * the chunk waits for it rather than fails: a file dropped while offline
 * goes into the message once the connection is back.
 */
export function retryingImport<Module>(load: () => Promise<Module>): Promise<Module> {
  return new Promise((resolve) => {
    let wait = firstWait;
    const attempt = () => {
      load().then(resolve, () => {
        if (!navigator.onLine) return window.addEventListener("online", attempt, { once: true });
        setTimeout(attempt, wait);
        wait = Math.min(wait * 2, longestWait);
      });
    };
    attempt();
  });
}

/**
 * React's `lazy` for a component in a chunk of its own, its import tried
 * again until it succeeds (`retryingImport`). A lazy component whose import
 * fails throws into rendering, and with no error boundary the whole page
 * went ("This page couldn't load", for good) because Settings was opened
 * while offline, or a chunk still loading when the connection dropped.
 * Meanwhile its Suspense boundary shows what it showed: its fallback, or the
 * server's HTML.
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(() => retryingImport(load).then((component) => ({ default: component })));
}
