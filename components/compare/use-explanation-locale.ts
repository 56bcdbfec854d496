"use client";

import { useLocale } from "@/components/preferences/use-preferences";
import type { ExplanationLocale } from "@/lib/compare/explanation";

/** The language of the compare page's explanation: the page's own (browser's language, or the reader's choice). */
export function useExplanationLocale(): ExplanationLocale {
  return useLocale();
}
