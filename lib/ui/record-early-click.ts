/**
 * Keeps the last button clicked before React has taken the page over: until
 * the page's code has come (seconds on a slow connection), a button drawn on
 * the server does nothing, and a person who opened the menu or Settings then
 * saw nothing happen. Once React holds the page (its container mark is on
 * the document) it handles clicks itself, those on parts not yet hydrated
 * too, and nothing is kept. A submit button's click would submit its form
 * natively and reload the page: that is prevented, the form's own handler
 * gets the click when it is replayed.
 *
 * Sent as source in the page's one inline script (preferences-script.tsx),
 * so it must stand alone: nothing from outside its body.
 */
export function recordEarlyClick(target: Window & typeof globalThis, key: string): void {
  target.addEventListener(
    "click",
    (event) => {
      const button = event.target instanceof target.Element ? event.target.closest("button") : null;
      if (!button || Object.keys(target.document).some((name) => name.startsWith("__reactContainer"))) return;
      (target as unknown as Record<string, unknown>)[key] = button;
      if (button.type === "submit") event.preventDefault();
    },
    true,
  );
}
