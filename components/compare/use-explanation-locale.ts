"use client";

import { useSyncExternalStore } from "react";
import { pickExplanationLocale, type ExplanationLocale } from "@/lib/compare/explanation";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("languagechange", onChange);
  return () => window.removeEventListener("languagechange", onChange);
}

/**
 * The language of the compare page's explanation: the browser's, when the
 * explanation is written in it. The one place to wire the app's locale to
 * (replace the body with the app's `useLocale()` once it exists). English on
 * the server, so the first render matches.
 */
export function useExplanationLocale(): ExplanationLocale {
  return useSyncExternalStore(subscribe, () => pickExplanationLocale(navigator.languages), () => "en");
}
