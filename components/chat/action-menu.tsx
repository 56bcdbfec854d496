"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";

export interface MenuAction {
  label: string;
  onSelect: () => void;
  /** Drawn in red: it deletes something. */
  destructive?: boolean;
}

const itemClass = "block w-full rounded px-3 py-1.5 text-left text-sm whitespace-nowrap outline-none hover:bg-slate-100 focus-visible:bg-slate-100 dark:hover:bg-slate-700 dark:focus-visible:bg-slate-700";

/**
 * A "⋯" button and the menu of actions it opens (the WAI-ARIA menu button:
 * the first action takes focus, arrows, Home and End move it, Escape or Tab
 * closes the menu). The menu is a popover: in the top layer, so the list's
 * scrolling box does not clip it; closed by Escape or a click elsewhere, focus
 * going back to the button; placed under the button by CSS anchor positioning
 * (a popover's anchor is the button that opens it), above it when there is no
 * room below. A browser without anchor positioning shows it where it stands,
 * beside the button.
 */
export function ActionMenu({ label, actions }: { label: string; actions: readonly MenuAction[] }) {
  const menuId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const openOnLast = useRef(false);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];

  /** Arrows, Home and End move through the actions; from the button (the menu open, focus not in it yet), to the first or last. */
  function moveFocus(event: KeyboardEvent<HTMLElement>) {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    const last = all.length - 1;
    const next = ({ ArrowDown: index + 1, ArrowUp: index < 0 ? last : index - 1, Home: 0, End: last } as Record<string, number>)[event.key];
    if (next === undefined) return;
    event.preventDefault();
    all[(next + all.length) % all.length]?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // The popover closes itself on Escape; what is around it (the phone's drawer) stays open.
    if (event.key === "Escape") event.stopPropagation();
    // Tab leaves the menu from its button, to what follows it.
    if (event.key === "Tab") menuRef.current?.hidePopover();
    moveFocus(event);
  }

  // The menu opens as Enter is pressed, but its first action takes focus only at the toggle event, a task later:
  // a key pressed in between (Enter, then End at once) reaches the button, and still moves through the menu.
  // Down or Up on the closed button opens the menu on its first or last action, as the pattern has it.
  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (menuRef.current?.matches(":popover-open")) return moveFocus(event);
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    openOnLast.current = event.key === "ArrowUp";
    event.currentTarget.click();
  }

  return (
    <>
      <button
        type="button"
        popoverTarget={menuId}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label}
        title={label}
        onKeyDown={onButtonKeyDown}
        className="rounded p-1.5 text-slate-600 hover:bg-slate-300 dark:text-slate-300 dark:hover:bg-slate-700"
      >
        <svg aria-hidden viewBox="0 0 16 16" fill="currentColor" className="h-3.5 w-3.5">
          <circle cx="3" cy="8" r="1.4" />
          <circle cx="8" cy="8" r="1.4" />
          <circle cx="13" cy="8" r="1.4" />
        </svg>
      </button>
      <div
        ref={menuRef}
        id={menuId}
        popover="auto"
        role="menu"
        aria-label={label}
        onToggle={(event) => {
          setOpen(event.newState === "open");
          // Unless a key pressed meanwhile has put focus on an action already.
          if (event.newState === "open" && !event.currentTarget.contains(document.activeElement)) items().at(openOnLast.current ? -1 : 0)?.focus();
          openOnLast.current = false;
        }}
        onKeyDown={onMenuKeyDown}
        className="m-0 [inset:auto] min-w-36 rounded-lg border border-slate-200 bg-white p-1 text-slate-800 shadow-lg [position-area:bottom_span-left] [position-try-fallbacks:flip-block] dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100"
      >
        {actions.map(({ label: actionLabel, onSelect, destructive }) => (
          <button
            key={actionLabel}
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              menuRef.current?.hidePopover();
              onSelect();
            }}
            className={destructive ? `${itemClass} text-red-700 dark:text-red-400` : itemClass}
          >
            {actionLabel}
          </button>
        ))}
      </div>
    </>
  );
}
