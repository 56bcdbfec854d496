import type { Locale } from "@/lib/i18n/locales";

/**
 * The language to read a text aloud in, as a BCP 47 tag the browser picks a
 * voice by: the answer's own language where its script says it (an answer in
 * Japanese on an English page is read by a Japanese voice), else the page's.
 * Kana make it Japanese; Hangul, Korean; Han alone, Chinese; Latin, the
 * page's language unless that is one of the three (then English).
 */
export function speechLanguageOf(text: string, pageLocale: Locale): string {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  const kana = count(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(/\p{Script=Hangul}/gu);
  const han = count(/\p{Script=Han}/gu);
  const latin = count(/\p{Script=Latin}/gu);
  const cjk = Math.max(kana + han, hangul);
  if (cjk === 0 || cjk * 3 < latin) return pageLocale === "en" || latin > 0 ? "en" : pageLocale;
  if (hangul >= kana + han) return "ko";
  return kana > 0 ? "ja" : "zh";
}
