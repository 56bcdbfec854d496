"use client";

import { Fragment, useSyncExternalStore } from "react";
import { useSettingsTexts } from "@/components/chat/use-settings-texts";
import type { SettingsTexts } from "@/lib/i18n/settings-texts";

const subscribeToNothing = () => () => undefined;
/** A Mac (or an iPad with a keyboard) says ⌘ where others say Ctrl. */
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform);

/** The keyboard shortcuts (components/chat/keyboard-shortcuts.ts, and the message box's own), folded in Settings. */
export function ShortcutList() {
  const settingsText = useSettingsTexts();
  const command = useSyncExternalStore(subscribeToNothing, () => (isApple() ? "⌘" : "Ctrl"), () => "Ctrl");
  const shortcuts: Array<[keyof SettingsTexts["shortcut"], string[]]> = [
    ["newChat", [command, "Shift", "O"]],
    ["search", [command, "K"]],
    ["conversations", [command, "Shift", "S"]],
    ["message", ["Shift", "Esc"]],
    ["editLast", ["↑"]],
    ["stop", ["Esc"]],
    ["send", ["Enter"]],
    ["newLine", ["Shift", "Enter"]],
  ];
  return (
    <details className="mt-5 border-t border-slate-200 pt-4 dark:border-slate-700">
      <summary className="cursor-pointer text-sm font-medium">{settingsText.shortcuts}</summary>
      <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 text-sm">
        {shortcuts.map(([action, keys]) => (
          <Fragment key={action}>
            <dt className="text-slate-700 dark:text-slate-300">{settingsText.shortcut[action]}</dt>
            <dd className="flex gap-1">
              {keys.map((key) => (
                <kbd key={key} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-sans text-xs leading-5 text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200">
                  {key}
                </kbd>
              ))}
            </dd>
          </Fragment>
        ))}
      </dl>
    </details>
  );
}
