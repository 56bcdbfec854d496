"use client";

import { useEffect, useSyncExternalStore } from "react";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { englishMessages, loadedMessages, loadMessages, type Messages, subscribeToMessages } from "@/lib/i18n/messages";
import { currentLocale, currentThemePreference, subscribePreferences, type ThemePreference } from "@/lib/preferences/preferences";

/*
 * The page is prerendered once, in English and with the system's theme. The
 * server snapshots below say so, so hydration renders exactly that HTML (no
 * mismatch); React then renders again at once with the reader's choice.
 */
const serverLocale = (): Locale => defaultLocale;
const serverThemePreference = (): ThemePreference => "system";

/** The reader's language: saved, or the first of the browser's languages the page speaks, or English. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribePreferences, currentLocale, serverLocale);
}

const serverMessages = () => englishMessages;

/** The page's texts in the reader's language: English until that language's dictionary has arrived (a chunk, fetched once). */
export function useTranslations(): Messages {
  const locale = useLocale();
  const messages = useSyncExternalStore(subscribeToMessages, () => loadedMessages(locale), serverMessages);
  useEffect(() => {
    if (!messages) loadMessages(locale).catch(() => undefined);
  }, [messages, locale]);
  return messages ?? englishMessages;
}

/** "system", "light" or "dark", as the reader chose. */
export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribePreferences, currentThemePreference, serverThemePreference);
}
