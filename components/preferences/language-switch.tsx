"use client";

import { useEffect, useRef } from "react";
import { useLocale, useTranslations } from "@/components/preferences/use-preferences";
import { localeNames, locales } from "@/lib/i18n/locales";

/**
 * The page's language, kept in the browser. A native select (keyboard and
 * screen readers know it), drawn over a short label: the language's name on
 * wide screens, its code on phones, where the header has little room. A
 * choice is taken by `subscribePreferences`'s listener (`data-locale-choice`),
 * also before this chunk has hydrated; so the select is React's to draw, not
 * to control, and is set to the language when it changes (in another tab too),
 * keeping focus where it is.
 */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations();
  const selectRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (selectRef.current) selectRef.current.value = locale;
  }, [locale]);
  return (
    <div className="relative flex shrink-0 items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm text-slate-700 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-(--focus-ring) hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
      <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" className="h-4 w-4">
        <circle cx="10" cy="10" r="7.5" />
        <path d="M2.5 10h15M10 2.5c2 2.2 3 4.7 3 7.5s-1 5.3-3 7.5c-2-2.2-3-4.7-3-7.5s1-5.3 3-7.5Z" />
      </svg>
      <span aria-hidden className="sm:hidden">
        {locale.toUpperCase()}
      </span>
      <span aria-hidden lang={locale} className="hidden sm:inline">
        {localeNames[locale]}
      </span>
      <select
        ref={selectRef}
        aria-label={t.page.language}
        defaultValue={locale}
        data-locale-choice
        className="absolute inset-0 cursor-pointer opacity-0 focus-visible:outline-none"
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
