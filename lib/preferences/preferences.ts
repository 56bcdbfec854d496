import { defaultLocale, isLocale, locales, type Locale } from "@/lib/i18n/locales";
import { applyPreferences, type PreferencesConfig } from "@/lib/preferences/apply-preferences";

export type ThemePreference = "system" | "light" | "dark";

export const themePreferences: readonly ThemePreference[] = ["system", "light", "dark"];

export const preferencesConfig: PreferencesConfig = {
  themeKey: "streamchat.theme",
  localeKey: "streamchat.locale",
  conversationsKey: "streamchat.conversations",
  locales,
  fallbackLocale: defaultLocale,
};

const systemDark = "(prefers-color-scheme: dark)";
const listeners = new Set<() => void>();

/** Applies the choices to `<html>` again and tells every subscriber. */
function refresh(): void {
  applyPreferences(preferencesConfig, window);
  for (const listener of listeners) listener();
}

/**
 * The header's controls act through these two listeners, not React handlers
 * of their own: the controls are a chunk that hydrates after the page, and a
 * click that comes before it does still counts. A theme button carries
 * `data-theme-choice`, the language select `data-locale-choice`. They listen
 * on the window in the capture phase, before React's own listener, which
 * stops a click on controls it has not hydrated yet.
 */
const onControlClick = (event: Event) => {
  const theme = (event.target as Element).closest?.("[data-theme-choice]")?.getAttribute("data-theme-choice");
  if (theme === "system" || theme === "light" || theme === "dark") setThemePreference(theme);
};
const onControlChange = ({ target }: Event) => {
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-locale-choice") && isLocale(target.value)) setLocale(target.value);
};

/**
 * Calls `listener` whenever the theme or language changes: chosen here, chosen
 * in another tab (the `storage` event), or the system's scheme changing while
 * the reader follows it. While anyone listens, `<html>` follows along, and the
 * header's controls work.
 */
export function subscribePreferences(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.matchMedia(systemDark).addEventListener("change", refresh);
    window.addEventListener("storage", refresh);
    window.addEventListener("click", onControlClick, true);
    window.addEventListener("change", onControlChange, true);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    window.matchMedia(systemDark).removeEventListener("change", refresh);
    window.removeEventListener("storage", refresh);
    window.removeEventListener("click", onControlClick, true);
    window.removeEventListener("change", onControlChange, true);
  };
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Blocked storage (rare now): the choice cannot be kept, and the page stays as it was.
  }
  refresh();
}

/** The language on `<html>`: the inline script put it there before the first paint, and `setLocale` keeps it. */
export function currentLocale(): Locale {
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : defaultLocale;
}

export function setLocale(locale: Locale): void {
  write(preferencesConfig.localeKey, locale);
}

export function currentThemePreference(): ThemePreference {
  const saved = read(preferencesConfig.themeKey);
  return saved === "light" || saved === "dark" ? saved : "system";
}

export function setThemePreference(theme: ThemePreference): void {
  write(preferencesConfig.themeKey, theme);
}

/** Closes or opens the conversations column of a wide screen, and keeps the choice (the toggle holds even where storage is blocked). */
export function setConversationsClosed(closed: boolean): void {
  document.documentElement.classList.toggle("conversations-closed", closed);
  write(preferencesConfig.conversationsKey, closed ? "closed" : "open");
}
