/** The page's languages: English, and Japanese and Korean for the readers this project grew from. */
export const locales = ["en", "ja", "ko"] as const;

export type Locale = (typeof locales)[number];

/** What the server renders (the page is prerendered once, for everyone) and what a reader with none of our languages gets. */
export const defaultLocale: Locale = "en";

/** Each language's name in itself, as a language menu shows it. */
export const localeNames: Record<Locale, string> = { en: "English", ja: "日本語", ko: "한국어" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
