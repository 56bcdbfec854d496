import { describe, expect, test } from "vitest";
import { documentText, pageText, tidyText } from "@/lib/chat/document-text";

describe("pageText", () => {
  test("pieces run together within a line and break where a line ends; CJK and emoji exact", () => {
    const pieces = [
      { str: "Quarterly", hasEOL: false },
      { str: " ", hasEOL: false },
      { str: "report", hasEOL: true },
      { str: "売上は 12% 増えました 📈", hasEOL: true },
      { str: "End.", hasEOL: false },
    ];
    expect(pageText(pieces)).toBe("Quarterly report\n売上は 12% 増えました 📈\nEnd.");
  });

  test("spaces ending a line, blank lines beyond one, and blank lines around the page are dropped; indentation stays", () => {
    const pieces = [
      { str: "", hasEOL: true },
      { str: "Title ", hasEOL: true },
      { str: "", hasEOL: true },
      { str: "", hasEOL: true },
      { str: "", hasEOL: true },
      { str: "  indented", hasEOL: true },
      { str: " ", hasEOL: true },
    ];
    expect(pageText(pieces)).toBe("Title\n\n  indented");
  });

  test("Kangxi radicals, as PDFs made with CJK fonts often map common ideographs, are read as those ideographs; nothing else is normalized", () => {
    // ⽇ U+2F47, ⼈ U+2F08, ⽉ U+2F49; full-width letters and a half-width katakana stay.
    expect(pageText([{ str: "\u2F47本\u2F08、\u2F49曜日 ＡＢＣ ｶ", hasEOL: false }])).toBe("日本人、月曜日 ＡＢＣ ｶ");
  });

  test("a page with no pieces, or only spaces, has no text", () => {
    expect(pageText([])).toBe("");
    expect(pageText([{ str: " ", hasEOL: true }])).toBe("");
  });
});

describe("tidyText", () => {
  test("a Word document's paragraphs: blank lines beyond one and trailing spaces dropped, CJK and emoji exact", () => {
    expect(tidyText("\nTitle  \n\n\n\n本文です 🍜\r\n\n")).toBe("Title\n\n本文です 🍜");
  });
});

describe("documentText", () => {
  test("pages one blank line apart, empty pages left out", () => {
    expect(documentText(["One", "", "Two\nlines"])).toBe("One\n\nTwo\nlines");
  });

  test("no page with text: no text", () => {
    expect(documentText(["", ""])).toBe("");
  });
});
