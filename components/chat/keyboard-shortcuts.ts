import { composerMessageId, newChatButtonId } from "@/components/chat/element-ids";

/*
 * The page's keyboard shortcuts, those of ChatGPT where it has one: a chunk
 * fetched once the page is up (components/chat/chat-store-provider.tsx), not
 * first-load JS. Escape, which stops an answer, is the message box's own
 * (components/chat/composer.tsx). Settings lists them all.
 */

type Action = "newChat" | "search" | "message" | "editLast" | "conversations";

/** Ctrl on Windows and Linux, ⌘ on a Mac: either one, not both, and never with Alt (which types characters on some layouts). */
function actionOf(event: KeyboardEvent): Action | undefined {
  if (event.altKey) return undefined;
  const command = event.ctrlKey !== event.metaKey;
  const key = event.key.toLowerCase();
  if (command && event.shiftKey && key === "o") return "newChat";
  if (command && !event.shiftKey && key === "k") return "search";
  if (command && event.shiftKey && key === "s") return "conversations";
  if (!event.ctrlKey && !event.metaKey && event.shiftKey && key === "escape") return "message";
  // Up in the message box while it is empty: nothing to move through there (as in Slack and Discord).
  const inEmptyBox = event.target instanceof HTMLTextAreaElement && event.target.id === composerMessageId && event.target.value === "";
  if (!event.ctrlKey && !event.metaKey && !event.shiftKey && key === "arrowup" && inEmptyBox) return "editLast";
  return undefined;
}

/**
 * Where each action goes: New chat's button, the conversations' search box, the message box, the last question's
 * Edit (when it may be edited), the button that closes or opens the conversations (whichever shows).
 */
function targetOf(action: Action): HTMLElement | null {
  if (action === "newChat") return document.getElementById(newChatButtonId);
  if (action === "conversations") {
    const buttons = document.querySelectorAll<HTMLElement>("[data-closes-conversations], [data-opens-conversations]");
    return [...buttons].find((button) => button.getClientRects().length > 0) ?? null;
  }
  if (action === "editLast") return [...document.querySelectorAll<HTMLElement>('[role="log"] article[data-role="user"] [data-action="edit"]')].at(-1) ?? null;
  if (action === "search") return document.querySelector<HTMLElement>('#conversations input[type="search"]');
  return document.getElementById(composerMessageId);
}

let listening = false;

/**
 * Ctrl+Shift+O (⌘⇧O) starts a new chat, as its button does; Ctrl+Shift+S
 * (⌘⇧S) closes or opens the conversations (the column, or a phone's
 * drawer), as the button that shows does; Ctrl+K (⌘K)
 * goes to the search box, when there is one to see (with fewer than two
 * conversations there is none, and the browser's own Ctrl+K stays);
 * Shift+Escape goes to the message box; Up, in the message box while it is
 * empty, edits the last question. Not while a dialog is open, nor
 * while text is being composed (an IME). Listens once, for the page's life,
 * before anything on the page hears the key (the capture phase): a shortcut
 * taken goes no further, so Shift+Escape never also stops an answer or
 * empties the search box, as Escape does.
 */
export function listenForShortcuts(): void {
  if (listening) return;
  listening = true;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || document.querySelector("dialog[open]")) return;
    const action = actionOf(event);
    const target = action && targetOf(action);
    // A box in the closed drawer of a phone cannot take focus; New chat's button works from there too.
    if (!target || (action !== "newChat" && target.getClientRects().length === 0)) return;
    event.preventDefault();
    event.stopPropagation();
    if (action !== "search" && action !== "message") target.click();
    else target.focus();
  };
  window.addEventListener("keydown", onKeyDown, { capture: true });
}
