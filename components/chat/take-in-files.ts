import { imageIdsIn, imageReference } from "@/lib/chat/image-references";
import { requestLimits } from "@/lib/chat/request-limits";
import { retryingImport } from "@/components/lazy-component";
import { largestAttachmentBytes, readAttachments, type ReadDocument, type TakeImage } from "@/lib/chat/read-attachments";
import { newImageId, saveImage, sweepImages } from "@/lib/client/image-store";
import { shrinkImage } from "@/lib/client/shrink-image";
import { refusalText } from "@/lib/i18n/attachment-texts";
import type { Locale } from "@/lib/i18n/locales";
import type { ChatData } from "@/lib/store/chat-types";

export interface MessageBox {
  element: HTMLTextAreaElement | null;
  locale: Locale;
  /** Changes the box's text (its conversation's draft). */
  setText(text: string): void;
  /** Says what became of files not taken ("": all were). */
  setNote(note: string): void;
  /** The store's state as it is now, saved or not: the images its messages refer to are in use. */
  readState(): Pick<ChatData, "messages">;
}

/**
 * An image shrunk to what a model looks at, kept in IndexedDB once there is
 * room (`makeRoom`), and the reference to it that goes into the message. Its
 * id begins with the time it was kept (`sweepImages` leaves young images alone).
 */
const takeImage = async (file: File, makeRoom: () => Promise<void>): ReturnType<TakeImage> => {
  let dataUrl: string;
  try {
    ({ dataUrl } = await shrinkImage(file));
  } catch {
    return { refused: "unreadable_image" };
  }
  const id = newImageId();
  try {
    await makeRoom();
    await saveImage(id, dataUrl);
  } catch {
    return { refused: "not_kept" };
  }
  return { reference: imageReference(id, file.name) };
};

/** PDF.js comes with the first PDF, Mammoth with the first Word document: most messages never need them. */
const readDocument: ReadDocument = async (file, kind, mostCharacters) =>
  kind === "pdf"
    ? (await retryingImport(() => import("@/lib/client/read-pdf-text"))).readPdfText(file, mostCharacters)
    : (await retryingImport(() => import("@/lib/client/read-docx-text"))).readDocxText(file);

/**
 * What the message box does with files picked, dropped or pasted: a text
 * file's text, a PDF's or a Word document's, or a reference to an image, goes where the caret is, on
 * lines of its own, and the box says which it refused and why. A chunk of
 * its own, fetched at the first file: the box itself only knows to ask for it.
 */
export async function takeInFiles(files: readonly File[], box: MessageBox): Promise<void> {
  // A message holds as many images as a request may (the server refuses more).
  let images = imageIdsIn(box.element?.value ?? "").length;
  // Room is made when it is needed, once for all the images taken in together: those nothing here refers to any more go first.
  let roomMade: Promise<void> | undefined;
  const makeRoom = () => (roomMade ??= sweepImages(`${box.element?.value ?? ""}${JSON.stringify(box.readState().messages)}`).catch(() => undefined));
  const takeImageWhileRoom: TakeImage = async (file) => {
    if (images >= requestLimits.maxImages) return { refused: "too_many_images" };
    const taken = await takeImage(file, makeRoom);
    if ("reference" in taken) images += 1;
    return taken;
  };
  const { text, refused } = await readAttachments(files, { takeImage: takeImageWhileRoom, readDocument });
  box.setNote(refusalText(refused, box.locale, largestAttachmentBytes));
  const element = box.element;
  if (!element || text === "") return;
  const { value, selectionStart, selectionEnd } = element;
  const before = value.slice(0, selectionStart);
  const separator = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  box.setText(`${before}${separator}${text}\n${value.slice(selectionEnd)}`);
  element.focus();
}
