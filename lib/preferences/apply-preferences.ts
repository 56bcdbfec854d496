/** What `applyPreferences` needs of a browser window (a fake one in tests). */
export interface PreferencesEnvironment {
  document: { documentElement: { lang: string; classList: { toggle(token: string, force?: boolean): boolean } } };
  localStorage: { getItem(key: string): string | null };
  matchMedia(query: string): { matches: boolean };
  navigator: { languages?: readonly string[]; language?: string };
}

export interface PreferencesConfig {
  themeKey: string;
  localeKey: string;
  /** "closed": the conversations column is closed on a wide screen. */
  conversationsKey: string;
  locales: readonly string[];
  fallbackLocale: string;
}

/**
 * Puts the reader's theme and language on `<html>`: class `dark` from the
 * saved choice, or the system's when there is none or it is "system" (and
 * `chose-light` or `chose-dark` for the choice itself); `lang`
 * from the saved language, or the first of the browser's languages we have;
 * and class `conversations-closed` when the reader closed the conversations
 * column on a wide screen (app/globals.css hides it from the first paint).
 *
 * It runs twice over: inline in `<head>` before the first paint (so no flash
 * of the wrong theme; see preferences-script.tsx, which sends its source),
 * and in the page whenever a choice or the system's scheme changes. Being
 * sent as source, it must stand alone: nothing from outside its body.
 */
export function applyPreferences(config: PreferencesConfig, environment: PreferencesEnvironment): void {
  const root = environment.document.documentElement;
  let theme: string | null = null;
  let locale: string | null = null;
  try {
    theme = environment.localStorage.getItem(config.themeKey);
    locale = environment.localStorage.getItem(config.localeKey);
    // Only from what storage says: where it is blocked, the page's own toggle of the class stands.
    root.classList.toggle("conversations-closed", environment.localStorage.getItem(config.conversationsKey) === "closed");
  } catch {
    // Storage can be blocked; the system's scheme and the browser's languages still apply.
  }
  const dark = theme === "dark" || (theme !== "light" && environment.matchMedia("(prefers-color-scheme: dark)").matches);
  root.classList.toggle("dark", dark);
  // Which theme was chosen, not only which one shows: the header's buttons are drawn pressed from it (app/globals.css).
  root.classList.toggle("chose-light", theme === "light");
  root.classList.toggle("chose-dark", theme === "dark");
  if (locale === null || !config.locales.includes(locale)) {
    locale = config.fallbackLocale;
    const languages = environment.navigator.languages ?? [environment.navigator.language ?? ""];
    for (const language of languages) {
      // "ja-JP" and "ja" are Japanese; "zh-TW" is none of ours, so the next language is tried.
      const primary = language.toLowerCase().split("-")[0] ?? "";
      if (config.locales.includes(primary)) {
        locale = primary;
        break;
      }
    }
  }
  root.lang = locale;
}
