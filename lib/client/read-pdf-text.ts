import { getDocument, GlobalWorkerOptions, PasswordException, type PDFDocumentProxy } from "pdfjs-dist";
import type { DocumentText } from "@/lib/chat/read-attachments";
import { documentText, pageText, type PdfTextPiece } from "@/lib/chat/document-text";

/*
 * A PDF's text, read in this browser with PDF.js (Mozilla's, what Firefox
 * shows PDFs with): the parsing runs in PDF.js's own worker, so a long PDF
 * never holds up the page. A chunk of its own with the library (some 136 kB
 * gzipped, its worker 378 kB more), fetched at the first PDF attached.
 */

/** Where `scripts/copy-pdf-assets.mjs` puts PDF.js's character maps (fonts of CJK PDFs that do not carry their own). */
const characterMapsUrl = "/pdfjs/cmaps/";

const startWorker = () => {
  GlobalWorkerOptions.workerPort ??= new Worker(new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url), { type: "module" });
};

/**
 * One PDF at a time (two pastes in quick succession would read two at once):
 * the documents share PDF.js's worker, and one let go while another is read
 * on it would leave the other waiting for good.
 */
let reading: Promise<unknown> = Promise.resolve();

export function readPdfText(file: File, mostCharacters: number): Promise<DocumentText> {
  const read = reading.then(() => readOne(file, mostCharacters));
  reading = read.catch(() => undefined);
  return read;
}

/** Reads the text of each page until there is more than `mostCharacters` (the caller refuses that much: reading on would be work for nothing). */
async function readOne(file: File, mostCharacters: number): Promise<DocumentText> {
  startWorker();
  const loading = getDocument({
    data: new Uint8Array(await file.arrayBuffer()),
    cMapUrl: characterMapsUrl,
    cMapPacked: true,
    // The worker fetches the maps itself.
    useWorkerFetch: true,
    // Errors only: a PDF's oddities PDF.js works around are not the person's concern.
    verbosity: 0,
  });
  let pdf: PDFDocumentProxy;
  try {
    pdf = await loading.promise;
  } catch (error) {
    await loading.destroy();
    return { refused: error instanceof PasswordException ? "protected_document" : "unreadable_document" };
  }
  try {
    const pages: string[] = [];
    let characters = 0;
    for (let number = 1; number <= pdf.numPages && characters <= mostCharacters; number += 1) {
      const page = await pdf.getPage(number);
      const { items } = await page.getTextContent();
      const text = pageText(items.filter((item): item is PdfTextPiece & typeof item => "str" in item));
      pages.push(text);
      characters += text.length;
      page.cleanup();
    }
    const text = documentText(pages);
    return text === "" ? { refused: "no_text_document" } : { text };
  } catch {
    return { refused: "unreadable_document" };
  } finally {
    // The document goes; the worker stays for the next PDF. Awaited: the next PDF may not start on a worker being let go.
    await loading.destroy();
  }
}
