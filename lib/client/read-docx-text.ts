// Mammoth's own browser build: built from its sources, Node's `util` polyfill (which a bundler adds for them)
// tests for generator functions with eval when loaded, which the page's policy blocks and reports.
import mammoth from "mammoth/mammoth.browser.min.js";
import { tidyText } from "@/lib/chat/document-text";
import type { DocumentText } from "@/lib/chat/read-attachments";

/*
 * A Word document's text (.docx), read in this browser with Mammoth (what
 * most JavaScript apps read .docx with): its paragraphs one blank line
 * apart, tables' cells a paragraph each. A chunk of its own with the
 * library (some 100 kB gzipped), fetched at the first Word document.
 */

/**
 * A Compound File's first bytes. A .docx is a zip; one that starts so is
 * encrypted, which is how Word keeps a document with a password to open it.
 */
const compoundFileSignature = [0xd0, 0xcf, 0x11, 0xe0];

export async function readDocxText(file: File): Promise<DocumentText> {
  const bytes = await file.arrayBuffer();
  const start = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (compoundFileSignature.every((byte, index) => start[index] === byte)) return { refused: "protected_document" };
  try {
    const text = tidyText((await mammoth.extractRawText({ arrayBuffer: bytes })).value);
    return text === "" ? { refused: "no_text_document" } : { text };
  } catch {
    return { refused: "unreadable_document" };
  }
}
