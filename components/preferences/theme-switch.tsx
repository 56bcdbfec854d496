"use client";

import type { ReactNode } from "react";
import { useThemePreference, useTranslations } from "@/components/preferences/use-preferences";
import { themePreferences, type ThemePreference } from "@/lib/preferences/preferences";

const icons: Record<ThemePreference, ReactNode> = {
  system: (
    <>
      <rect x="3" y="4" width="14" height="10" rx="1.5" />
      <path d="M7 17h6M10 14v3" />
    </>
  ),
  light: (
    <>
      <circle cx="10" cy="10" r="3.5" />
      <path d="M10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4" />
    </>
  ),
  dark: <path d="M16.5 12.5A7 7 0 0 1 7.5 3.5a7 7 0 1 0 9 9Z" />,
};

/**
 * System, light or dark: three buttons, the chosen one pressed (`aria-pressed`)
 * and drawn so. A click is taken by `subscribePreferences`'s listener
 * (`data-theme-choice`), also before this chunk has hydrated.
 */
export function ThemeSwitch() {
  const chosen = useThemePreference();
  const t = useTranslations();
  const names: Record<ThemePreference, string> = { system: t.page.themeSystem, light: t.page.themeLight, dark: t.page.themeDark };
  return (
    <div role="group" aria-label={t.page.theme} className="flex shrink-0 rounded-lg border border-slate-300 p-0.5 dark:border-slate-700">
      {themePreferences.map((theme) => (
        <button
          key={theme}
          type="button"
          aria-pressed={chosen === theme}
          aria-label={names[theme]}
          title={names[theme]}
          data-theme-choice={theme}
          // Drawn pressed by app/globals.css from the choice on <html>, which the inline script puts there before the
          // first paint: right at once, though this chunk hydrates later (aria-pressed is right from then).
          className="rounded-md p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100"
        >
          <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" className="h-4 w-4">
            {icons[theme]}
          </svg>
        </button>
      ))}
    </div>
  );
}
