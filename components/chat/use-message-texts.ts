"use client";

import { useLocale } from "@/components/preferences/use-preferences";
import { messageTexts, type MessageTexts } from "@/lib/i18n/message-texts";

/** A message row's texts in the reader's language (they come with the row's chunk: see lib/i18n/message-texts.ts). */
export function useMessageTexts(): MessageTexts {
  return messageTexts[useLocale()];
}
