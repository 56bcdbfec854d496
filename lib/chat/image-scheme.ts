/**
 * An image in a question is kept in this browser (IndexedDB, by id) and
 * written in the question's text as Markdown's image syntax with an address
 * of our own: `![screenshot.png](streamchat-image:lm3k9x2a-1f2e3d4c)`. The
 * message box shows it where it was put, to be moved or deleted as text; the
 * question is saved, searched, edited and branched as the text it is; and
 * only when the conversation is sent are the references turned into the
 * images themselves (Chat Completions' content parts), in the order they
 * stand in the text (lib/chat/image-references.ts, lib/store/request-images.ts).
 *
 * This module is what first-load code needs of it, and no more: the rest
 * comes in the chunks that show, take in and send images.
 */
export const imageScheme = "streamchat-image:";

/** One reference: the image's name (its alternative text), then its id. */
export const imageReferencePattern = /!\[([^\]\n]*)\]\(streamchat-image:([A-Za-z0-9_-]{1,64})\)/g;

/** Whether a text may hold image references (a cheap look before any parsing). */
export function mayHoldImages(text: string): boolean {
  return text.includes(imageScheme);
}

/** The text with each image reference made `[image: name]`: for a title, a download. */
export function withImagesNamed(text: string): string {
  return mayHoldImages(text) ? text.replace(imageReferencePattern, (_reference, name: string) => `[image: ${name}]`) : text;
}
