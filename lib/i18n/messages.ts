import type { Locale } from "@/lib/i18n/locales";
import { en, type Messages } from "@/lib/i18n/messages-en";
import { ja } from "@/lib/i18n/messages-ja";
import { ko } from "@/lib/i18n/messages-ko";

export type { Messages } from "@/lib/i18n/messages-en";

/** Every language's texts. Three small static dictionaries: no i18n library, no loading step, no flash of keys. */
export const messages: Record<Locale, Messages> = { en, ja, ko };
