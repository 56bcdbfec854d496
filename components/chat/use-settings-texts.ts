"use client";

import { useLocale } from "@/components/preferences/use-preferences";
import { settingsTexts, type SettingsTexts } from "@/lib/i18n/settings-texts";

/** The settings dialog's texts in the reader's language (they come with the dialog's chunk: see lib/i18n/settings-texts.ts). */
export function useSettingsTexts(): SettingsTexts {
  return settingsTexts[useLocale()];
}
