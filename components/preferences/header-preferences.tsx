"use client";

import { LanguageSwitch } from "@/components/preferences/language-switch";
import { ThemeSwitch } from "@/components/preferences/theme-switch";

/**
 * The header's language and theme controls. The chat page loads them as a
 * chunk of their own (434 bytes gzipped less first-load JS): they are drawn
 * on the server, and `subscribePreferences` takes their clicks until the
 * chunk has hydrated them.
 */
export function HeaderPreferences() {
  return (
    <>
      <LanguageSwitch />
      <ThemeSwitch />
    </>
  );
}
