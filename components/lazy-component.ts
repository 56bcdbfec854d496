import { lazy, type ComponentType } from "react";

const firstWait = 1_000;
const longestWait = 30_000;

/**
 * React's `lazy` for a component in a chunk of its own, whose import is tried
 * again until it succeeds: once the browser is back online, else after a
 * wait that doubles (1 s, then up to 30 s). A lazy component whose import
 * fails throws into rendering, and with no error boundary the whole page
 * went ("This page couldn't load", for good) because Settings was opened
 * while offline, or a chunk still loading when the connection dropped.
 * Meanwhile its Suspense boundary shows what it showed: its fallback, or the
 * server's HTML.
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(
    () =>
      new Promise<{ default: ComponentType<Props> }>((resolve) => {
        let wait = firstWait;
        const attempt = () => {
          load().then(
            (component) => resolve({ default: component }),
            () => {
              if (!navigator.onLine) return window.addEventListener("online", attempt, { once: true });
              setTimeout(attempt, wait);
              wait = Math.min(wait * 2, longestWait);
            },
          );
        };
        attempt();
      }),
  );
}
