import JSZip from "jszip";
import type { Page } from "@playwright/test";

/** A PDF as Chromium prints `html` (fonts embedded, as most PDFs people attach carry them), A6 pages. */
export async function printedPdf(page: Page, html: string): Promise<Buffer> {
  const printer = await page.context().newPage();
  try {
    await printer.setContent(`<!doctype html><html><body style="font-family: sans-serif">${html}</body></html>`);
    return await printer.pdf({ format: "A6" });
  } finally {
    await printer.close();
  }
}

/** A PDF file of these objects (numbered from 1, the first the catalog), with its cross-reference table; `trailer` adds to the trailer. */
function pdfOf(objects: readonly string[], trailer = ""): Buffer {
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailer} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Every character here is ASCII: string offsets are byte offsets.
  return Buffer.from(body, "latin1");
}

const stream = (content: string) => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;

/**
 * A one-page PDF that asks for a password: encrypted with the standard
 * handler (RC4, revision 2) under a user password that is not empty. Its
 * /O and /U values match no password at all, which is enough: a reader
 * tries the empty one first, and finds it wrong.
 */
export function pdfWithPassword(): Buffer {
  const id = "<00112233445566778899aabbccddeeff>";
  return pdfOf(
    [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
      `<< /Filter /Standard /V 1 /R 2 /O <${"11".repeat(32)}> /U <${"22".repeat(32)}> /P -4 >>`,
    ],
    ` /Encrypt 4 0 R /ID [${id} ${id}]`,
  );
}

/**
 * A Japanese PDF as older tools made them: its font not embedded, the text
 * in a predefined character map (UniJIS-UCS2-H) with no table to Unicode
 * of its own. Its text, "こんにちは、世界", can be read only with Adobe's
 * maps, which the reader fetches.
 */
export function pdfWithoutEmbeddedFont(): Buffer {
  const font = "/BaseFont /KozMinPr6N-Regular";
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    // UTF-16 code units: こんにちは、世界
    stream("BT /F1 24 Tf 10 40 Td <30533093306B3061306F30014E16754C> Tj ET"),
    `<< /Type /Font /Subtype /Type0 ${font} /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 ${font} /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 7 0 R >>`,
    "<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 740 /StemV 80 >>",
  ]);
}

/**
 * A Word document (.docx) as Word saves one, its least: these paragraphs, the
 * first a heading, and a table of one row. Made with JSZip (what Mammoth,
 * which reads it, unzips with).
 */
export async function wordDocument(paragraphs: readonly string[], cells: readonly string[]): Promise<Buffer> {
  const escape = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  const paragraph = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
  const [heading = "", ...rest] = paragraphs;
  const table = `<w:tbl><w:tr>${cells.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join("")}</w:tr></w:tbl>`;
  const body = `${paragraph(heading, "Heading1")}${rest.map((text) => paragraph(text)).join("")}${table}`;
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}
