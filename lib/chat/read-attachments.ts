/**
 * Files a person attaches to a message (the message box's paperclip,
 * a file dropped on it or pasted into it): a text file is read here and
 * put into the message as fenced code, named, where it can still be read
 * and edited before it is sent; a PDF's or a Word document's text the same
 * way (`readDocument`); an image is kept and referred to there
 * (`takeImage`). A file that is none of these (a zip, a spreadsheet) is
 * refused rather than sent as garbage, and so is a text so large that it
 * would crowd out the conversation (it is sent again with every turn).
 */

/** About 50,000 tokens of code or prose: a long file, not a dump. */
export const largestAttachmentBytes = 200_000;

export interface AttachmentRefusal {
  name: string;
  reason: "not_text" | "too_large" | "text_too_large" | ImageRefusal | DocumentRefusal;
}

export interface ReadAttachments {
  /** The files' texts as Markdown, one fenced block each under its name; "" when none was taken. */
  text: string;
  refused: AttachmentRefusal[];
}

/** Why an image was not taken: the browser cannot decode it, could not keep it (storage full, or forbidden), or the message has as many as a request may. */
export type ImageRefusal = "unreadable_image" | "not_kept" | "too_many_images";

/**
 * Takes an image file in: keeps it, and gives the text that refers to it in
 * the message (lib/chat/image-references.ts), or why it could not. The
 * browser's (components/chat/take-in-files.ts).
 */
export type TakeImage = (file: File) => Promise<{ reference: string } | { refused: ImageRefusal }>;

/** The documents whose text is read out of them: PDFs, and Word's .docx. */
export type DocumentKind = "pdf" | "docx";

/** Why a document's text was not taken: it cannot be read, it needs a password, or it has no text (a scan). */
export type DocumentRefusal = "unreadable_document" | "protected_document" | "no_text_document";

/**
 * Reads a document's text (a PDF's pages one paragraph apart, a Word
 * document's paragraphs so: lib/chat/document-text.ts), or says why it could
 * not. It may stop reading once the text is longer than `mostCharacters`:
 * such a text is refused. The browser's (components/chat/take-in-files.ts).
 */
export type ReadDocument = (file: File, kind: DocumentKind, mostCharacters: number) => Promise<DocumentText>;

/** A document's text, or why it was not taken. */
export type DocumentText = { text: string } | { refused: DocumentRefusal };

/** What reads the files that are not text; without one, such files are refused as not text. */
export interface AttachmentReaders {
  takeImage?: TakeImage;
  readDocument?: ReadDocument;
}

const wordDocumentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A PDF or a Word document, by its type or, when the browser gives none, its name. */
export function documentKindOf(file: File): DocumentKind | undefined {
  if (file.type === "application/pdf" || /\.pdf$/i.test(file.name)) return "pdf";
  if (file.type === wordDocumentType || /\.docx$/i.test(file.name)) return "docx";
  return undefined;
}

/** Each file in the order given: text files' and documents' texts as fenced blocks, images (`image/*`) as `takeImage` makes them. */
export async function readAttachments(files: readonly File[], { takeImage, readDocument }: AttachmentReaders = {}): Promise<ReadAttachments> {
  const blocks: string[] = [];
  const refused: AttachmentRefusal[] = [];
  for (const file of files) {
    const kind = documentKindOf(file);
    if (readDocument && kind) {
      const read = await readDocument(file, kind, largestAttachmentBytes);
      if ("refused" in read) refused.push({ name: file.name, reason: read.refused });
      // The same limit as a text file's, on the text that would be sent, not on the document's bytes.
      else if (new TextEncoder().encode(read.text).length > largestAttachmentBytes) refused.push({ name: file.name, reason: "text_too_large" });
      // A document's text is not PDF or Word: plainly fenced.
      else blocks.push(attachmentBlock(file.name, read.text, ""));
      continue;
    }
    if (takeImage && file.type.startsWith("image/")) {
      const taken = await takeImage(file);
      if ("refused" in taken) refused.push({ name: file.name, reason: taken.refused });
      else blocks.push(taken.reference);
      continue;
    }
    if (file.size > largestAttachmentBytes) {
      refused.push({ name: file.name, reason: "too_large" });
      continue;
    }
    const text = textOf(new Uint8Array(await file.arrayBuffer()));
    if (text === undefined) refused.push({ name: file.name, reason: "not_text" });
    else blocks.push(attachmentBlock(file.name, text));
  }
  return { text: blocks.join("\n\n"), refused };
}

/** UTF-8 text (a byte order mark dropped), or undefined for bytes that are not: invalid UTF-8, or a NUL, which no text file has. */
export function textOf(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.includes("\u0000") ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * A file as Markdown: its name, then its text fenced, the fence longer than
 * any run of backticks in the text (a Markdown file with code in it stays
 * whole), tagged with the name's extension for highlighting unless `tag`
 * says otherwise (a PDF's text is not PDF).
 */
export function attachmentBlock(name: string, text: string, tag = /\.([A-Za-z0-9+#-]+)$/.exec(name)?.[1]?.toLowerCase() ?? ""): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${name}\n${fence}${tag}\n${text.replace(/\r?\n$/, "")}\n${fence}`;
}
