import type { ContentPart } from "@/lib/chat/schema";
import { imageReferencePattern, imageScheme, mayHoldImages } from "@/lib/chat/image-scheme";

/*
 * Images in questions, read from and written into their text (the scheme
 * itself, and what first-load code needs of it, is lib/chat/image-scheme.ts).
 */

export interface ImageReference {
  id: string;
  /** The file's name, as shown and as its alternative text. */
  name: string;
}

/** A part of a question's text: text as typed, or an image referred to. */
export type QuestionSegment = { text: string } | { image: ImageReference };

/** The reference to stored image `id`, named after its file (brackets and line breaks, which would end it, made spaces). */
export function imageReference(id: string, name: string): string {
  const shown = name.replace(/[[\]\r\n]+/g, " ").trim().slice(0, 100) || "image";
  return `![${shown}](${imageScheme}${id})`;
}

/** The text cut at its image references, in order; empty text between them left out. */
export function segmentsOf(text: string): QuestionSegment[] {
  const segments: QuestionSegment[] = [];
  let from = 0;
  for (const match of text.matchAll(imageReferencePattern)) {
    if (match.index > from) segments.push({ text: text.slice(from, match.index) });
    segments.push({ image: { name: match[1] ?? "", id: match[2] ?? "" } });
    from = match.index + match[0].length;
  }
  if (from < text.length) segments.push({ text: text.slice(from) });
  return segments;
}

/** The ids of the images a text refers to, each once. */
export function imageIdsIn(text: string): string[] {
  return [...new Set([...text.matchAll(imageReferencePattern)].map((match) => match[2] ?? ""))];
}

/** The text without its references to image `id`, nor the line breaks after them. */
export function withoutImage(text: string, id: string): string {
  const safeId = id.replace(/[^A-Za-z0-9_-]/g, "");
  return text.replace(new RegExp(`!\\[[^\\]\\n]*\\]\\(${imageScheme}${safeId}\\)\\n*`, "g"), "");
}

/** What becomes of a reference when the question is sent: the image, or why it is not there. */
export type ImageOutcome = { url: string } | { missing: "not_stored" | "not_sent_again" };

/**
 * A question's content as the model gets it: its text when it refers to no
 * image, else text and image parts in the text's order. An image that cannot
 * be sent is named in the text instead, so that the model knows one was there.
 */
export function contentWithImages(text: string, outcomeOf: (image: ImageReference) => ImageOutcome): string | ContentPart[] {
  if (!mayHoldImages(text)) return text;
  const segments = segmentsOf(text);
  if (segments.every((segment) => "text" in segment)) return text;
  const parts: ContentPart[] = [];
  const addText = (value: string) => {
    const last = parts.at(-1);
    if (last?.type === "text") last.text += value;
    else parts.push({ type: "text", text: value });
  };
  for (const segment of segments) {
    if ("text" in segment) {
      if (segment.text.trim() !== "") addText(segment.text);
      continue;
    }
    const outcome = outcomeOf(segment.image);
    if ("url" in outcome) parts.push({ type: "image_url", image_url: { url: outcome.url } });
    else addText(`[image "${segment.image.name}": ${outcome.missing === "not_stored" ? "no longer stored in this browser" : "sent earlier, not sent again"}]`);
  }
  return parts;
}
