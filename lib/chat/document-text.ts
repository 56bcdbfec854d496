/**
 * A document's text as a message takes it: a PDF's from the pieces PDF.js
 * finds on each page (lib/client/read-pdf-text.ts reads them in the
 * browser), a Word document's from the text Mammoth gives
 * (lib/client/read-docx-text.ts). Pure, so that the joining is tested
 * without a PDF or a Word file.
 */

/** A run of a page's characters as PDF.js gives it (`TextItem`): its text, and whether a line ends after it. */
export interface PdfTextPiece {
  str: string;
  hasEOL: boolean;
}

/**
 * Kangxi radicals (U+2F00 to U+2FD5), each the same drawing as a common
 * ideograph (⽇ and 日, ⼈ and 人). CJK fonts such as Noto's and Source
 * Han's draw both with one glyph, and PDFs made with them (Chromium's
 * among them) often map that glyph back to the radical: "⽇本" for "日本".
 * Text that means the radicals themselves is rare (dictionaries); text
 * that means the ideographs everywhere.
 */
const kangxiRadicals = /[\u2F00-\u2FD5]/g;

/**
 * A page's text: its pieces in order, a line break where PDF.js says a line
 * ends, a Kangxi radical read as the ideograph it looks like (NFKC for those
 * characters alone: full-width forms and the rest stay as written). Spaces
 * that end a line are dropped (PDF.js puts one between words it finds
 * apart, also at a line's end), and so are blank lines beyond one in a row:
 * the text goes to a model, and to the person first, who edits it.
 */
export function pageText(pieces: readonly PdfTextPiece[]): string {
  return tidyText(pieces.map((piece) => (piece.hasEOL ? `${piece.str}\n` : piece.str)).join(""));
}

/**
 * Text as a message takes it: a Kangxi radical read as the ideograph it
 * looks like, no spaces ending a line, no more than one blank line in a
 * row, none around it.
 */
export function tidyText(text: string): string {
  return text
    .replace(kangxiRadicals, (radical) => radical.normalize("NFKC"))
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The pages' texts one paragraph apart, pages with none left out; "" for a PDF with no text at all (a scan). */
export function documentText(pages: readonly string[]): string {
  return pages.filter((page) => page !== "").join("\n\n");
}
