"use client";

import { useMemo, useRef } from "react";
import { useMessageTexts } from "@/components/chat/use-message-texts";
import { useStoredImages } from "@/components/chat/use-stored-images";
import { segmentsOf, type ImageReference } from "@/lib/chat/image-references";

/**
 * A question that refers to images (lib/chat/image-references.ts): its text
 * as typed, each image where it stands, read from this browser's store. A
 * click opens an image whole, in a dialog that Escape or a click closes. A
 * chunk of its own: only questions with images need it.
 */
export function QuestionText({ text }: { text: string }) {
  const segments = useMemo(() => segmentsOf(text), [text]);
  const ids = segments.flatMap((segment) => ("image" in segment ? [segment.image.id] : [])).join(" ");
  const images = useStoredImages(ids);
  return segments.map((segment, index) => {
    if ("image" in segment) return <QuestionImage key={index} image={segment.image} url={images?.get(segment.image.id)} loading={images === undefined} />;
    // Text is a block of its own; the blank lines that set it apart from an image are the layout's. Images side by side stay so.
    const text = segment.text.replace(/^\n+|\n+$/g, "");
    return text === "" ? null : (
      <span key={index} className="block">
        {text}
      </span>
    );
  });
}

function QuestionImage({ image, url, loading }: { image: ImageReference; url: string | undefined; loading: boolean }) {
  const texts = useMessageTexts();
  const dialogRef = useRef<HTMLDialogElement>(null);
  if (loading) return <span data-part="image" aria-busy="true" className="my-1 mr-2 inline-block h-32 w-40 animate-pulse rounded-lg bg-white/20 align-top" />;
  if (url === undefined) {
    return (
      <span data-part="image" className="my-1 block rounded-lg border border-dashed border-white/60 px-3 py-2 text-sm">
        {texts.imageNotStored(image.name)}
      </span>
    );
  }
  return (
    <span data-part="image" className="my-1 mr-2 inline-block align-top">
      <button type="button" aria-label={texts.openImage(image.name)} onClick={() => dialogRef.current?.showModal()} className="block cursor-zoom-in rounded-lg">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL from this browser's store: nothing for next/image to optimize */}
        <img src={url} alt={image.name} className="max-h-48 max-w-full rounded-lg" />
      </button>
      <dialog
        ref={dialogRef}
        aria-label={image.name}
        onClick={() => dialogRef.current?.close()}
        className="m-auto max-h-[95vh] max-w-[95vw] bg-transparent p-0 backdrop:bg-black/80"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- as above */}
        <img src={url} alt={image.name} className="max-h-[90vh] max-w-[95vw] cursor-zoom-out object-contain" />
        {/* Named, not written: the question's text stays what was typed. */}
        <button
          type="button"
          aria-label={texts.closeImage}
          title={texts.closeImage}
          onClick={() => dialogRef.current?.close()}
          className="absolute top-2 right-2 flex h-8 w-8 items-center justify-center rounded-full bg-black/60 text-white hover:bg-black/80"
        >
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M5 5l10 10M15 5 5 15" />
          </svg>
        </button>
      </dialog>
    </span>
  );
}
