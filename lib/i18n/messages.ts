import type { Locale } from "@/lib/i18n/locales";
import { en, type Messages } from "@/lib/i18n/messages-en";

export type { Messages } from "@/lib/i18n/messages-en";

/*
 * Three small static dictionaries: no i18n library, no flash of keys.
 * English is what the server renders and what a page shows first, so it is
 * in the page; Japanese and Korean are chunks of their own, fetched when a
 * reader needs one (each would be about 1 kB gzipped of first-load JS for
 * every reader).
 */
const loaders: Record<Exclude<Locale, "en">, () => Promise<Messages>> = {
  ja: () => import("@/lib/i18n/messages-ja").then((module) => module.ja),
  ko: () => import("@/lib/i18n/messages-ko").then((module) => module.ko),
};
const loaded: Partial<Record<Locale, Messages>> = { en };
const loading = new Map<Locale, Promise<Messages>>();
const listeners = new Set<() => void>();

export const englishMessages: Messages = en;

/** A language's texts if they are here (English always is): a snapshot for useSyncExternalStore. */
export function loadedMessages(locale: Locale): Messages | undefined {
  return loaded[locale];
}

/** Fetches a language's texts, once; subscribers are told when they are here. A failed fetch is tried again on the next call. */
export function loadMessages(locale: Locale): Promise<Messages> {
  const here = loaded[locale];
  if (here) return Promise.resolve(here);
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale as Exclude<Locale, "en">]().then(
      (messages) => {
        loaded[locale] = messages;
        for (const listener of listeners) listener();
        return messages;
      },
      (error: unknown) => {
        loading.delete(locale);
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

export function subscribeToMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
