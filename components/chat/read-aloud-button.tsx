"use client";

import { useEffect, useSyncExternalStore } from "react";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { useLocale } from "@/components/preferences/use-preferences";
import { speechLanguageOf } from "@/lib/ui/speech-language";

// One answer is read at a time, page-wide: which one, for every Read aloud button to show.
let readingId: string | undefined;
const listeners = new Set<() => void>();
function setReading(id: string | undefined): void {
  readingId = id;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What of the page's text reads well aloud: not code blocks (their language, their Copy, the code) nor typeset formulas. */
const unreadable = ".markdown-code, .math-formula";

/**
 * The answer's text as laid out (a line a paragraph, list item or table
 * row: `innerText`), without what reads badly: those are hidden for the
 * time it takes to read it, and shown again before anything is painted.
 */
function readableTextOf(content: HTMLElement): string {
  const hidden = [...content.querySelectorAll<HTMLElement>(unreadable)].map((element) => [element, element.style.display] as const);
  for (const [element] of hidden) element.style.display = "none";
  const text = content.innerText;
  for (const [element, display] of hidden) element.style.display = display;
  return text;
}

/**
 * Reads an answer aloud with the browser's own voices (the Web Speech API:
 * nothing leaves the browser but what its voices do), in the answer's
 * language, as it is shown (the rendered text, not its Markdown; no code or
 * formulas), a paragraph an utterance (Chromium cuts long ones short).
 * Pressed again, or another answer read, it stops. Not shown where the
 * browser has no speech synthesis.
 */
export function ReadAloudButton({ messageId, className }: { messageId: string; className: string }) {
  const texts = useMessageTexts();
  const locale = useLocale();
  const reading = useSyncExternalStore(subscribe, () => readingId === messageId, () => false);
  // Gone from the page (another conversation shown, the answer regenerated): its reading stops.
  useEffect(() => () => {
    if (readingId !== messageId) return;
    window.speechSynthesis.cancel();
    setReading(undefined);
  }, [messageId]);
  if (typeof window === "undefined" || !("speechSynthesis" in window)) return null;
  return (
    <button
      type="button"
      aria-pressed={reading}
      onClick={(event) => {
        const synthesis = window.speechSynthesis;
        synthesis.cancel();
        if (reading) return setReading(undefined);
        const content = event.currentTarget.closest("article")?.querySelector<HTMLElement>('[data-part="content"]');
        const shown = content ? readableTextOf(content) : "";
        const paragraphs = shown.split(/\n+/).filter((paragraph) => paragraph.trim() !== "");
        if (paragraphs.length === 0) return;
        const lang = speechLanguageOf(shown, locale);
        setReading(messageId);
        paragraphs.forEach((paragraph, index) => {
          const utterance = new SpeechSynthesisUtterance(paragraph);
          utterance.lang = lang;
          const over = () => readingId === messageId && setReading(undefined);
          if (index === paragraphs.length - 1) utterance.onend = over;
          utterance.onerror = over;
          synthesis.speak(utterance);
        });
      }}
      className={className}
    >
      {reading ? texts.stopReading : texts.readAloud}
    </button>
  );
}
