"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import { useStoredImages } from "@/components/chat/use-stored-images";
import { keptAtOf } from "@/lib/client/image-store";
import { useLocale } from "@/components/preferences/use-preferences";
import { segmentsOf, withoutImage } from "@/lib/chat/image-references";
import { draftImageTexts } from "@/lib/i18n/attachment-texts";

/** Whether an image was kept in the last few seconds (its id says when). */
function justKept(id: string): boolean {
  return Date.now() - keptAtOf(id) < 10_000;
}

/**
 * The images the message being written refers to, small, above the message
 * box: what is attached, at a glance, each with a button that takes it out
 * (its reference goes from the text; focus goes back to the `box`). A
 * screen reader hears each image attached (a polite status, there before
 * it speaks). A chunk of its own, fetched when a draft first refers to an
 * image.
 */
export function DraftImages({ text, setText, box }: { text: string; setText(text: string): void; box: RefObject<HTMLTextAreaElement | null> }) {
  const texts = draftImageTexts[useLocale()];
  const references = segmentsOf(text).flatMap((segment) => ("image" in segment ? [segment.image] : []));
  const images = useStoredImages(references.map((reference) => reference.id).join(" "));
  const [said, setSaid] = useState("");
  const counted = useRef<number>(undefined);
  const lastName = references.at(-1)?.name ?? "";
  const alreadyThere = references.filter(({ id }) => !justKept(id)).length;
  useEffect(() => {
    // At first, the images of a draft found again (a reload, another conversation) are not news; one just kept is.
    if (references.length > (counted.current ?? alreadyThere)) setSaid(texts.attached(lastName));
    counted.current = references.length;
  }, [references.length, alreadyThere, lastName, texts]);
  return (
    <>
      <p role="status" className="sr-only">
        {said}
      </p>
      {references.length > 0 && (
        <ul aria-label={texts.list} className="mb-2 flex flex-wrap gap-2">
          {references.map(({ id, name }, index) => {
            const url = images?.get(id);
            return (
              <li key={`${id}-${index}`} className="relative">
                {url === undefined ? (
                  <span className="flex h-14 w-14 items-center justify-center rounded-lg bg-slate-200 text-xs text-slate-600 dark:bg-slate-700 dark:text-slate-300">…</span>
                ) : (
                  // eslint-disable-next-line @next/next/no-img-element -- a data: URL from this browser's store: nothing for next/image to optimize
                  <img src={url} alt={name} title={name} className="h-14 w-14 rounded-lg border border-slate-300 object-cover dark:border-slate-600" />
                )}
                <button
                  type="button"
                  aria-label={texts.remove(name)}
                  title={texts.remove(name)}
                  onClick={() => {
                    setText(withoutImage(text, id));
                    // The button goes with its image: focus is not left on nothing.
                    box.current?.focus();
                  }}
                  className="absolute -top-1.5 -right-1.5 flex h-5 w-5 items-center justify-center rounded-full bg-slate-800 text-xs leading-none text-white hover:bg-slate-600 dark:bg-slate-200 dark:text-slate-900"
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
