import { describe, expect, test } from "vitest";
import { attachmentBlock, largestAttachmentBytes, readAttachments, textOf } from "@/lib/chat/read-attachments";

const file = (name: string, content: string | Uint8Array<ArrayBuffer>) => new File([content], name);

describe("readAttachments", () => {
  test("a text file becomes a fenced block under its name, tagged with its extension, its text exact (CJK, emoji, CRLF)", async () => {
    const content = "const 挨拶 = \"こんにちは 👋🏽\";\r\nconsole.log(挨拶);\r\n";
    const { text, refused } = await readAttachments([file("hello.TS", content)]);
    expect(refused).toEqual([]);
    expect(text).toBe("hello.TS\n```ts\nconst 挨拶 = \"こんにちは 👋🏽\";\r\nconsole.log(挨拶);\n```");
  });

  test("several files, one block each, in order; refused ones are named with why", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const { text, refused } = await readAttachments([
      file("notes.md", "# Notes\n"),
      file("photo.png", png),
      file("big.log", "x".repeat(largestAttachmentBytes + 1)),
      file("Makefile", "all:\n\techo hi\n"),
    ]);
    expect(text).toBe("notes.md\n```md\n# Notes\n```\n\nMakefile\n```\nall:\n\techo hi\n```");
    expect(refused).toEqual([
      { name: "photo.png", reason: "not_text" },
      { name: "big.log", reason: "too_large" },
    ]);
  });

  test("images go to `takeImage`, in the files' order among text files; what it could not take is named with why", async () => {
    const taken: string[] = [];
    const takeImage = async (image: File) => {
      taken.push(image.name);
      if (image.name === "broken.png") return { refused: "unreadable_image" as const };
      if (image.name === "full.jpg") return { refused: "not_kept" as const };
      return { reference: `![${image.name}](streamchat-image:id-${taken.length})` };
    };
    const image = (name: string, type: string) => new File([new Uint8Array([1, 2, 3])], name, { type });
    const { text, refused } = await readAttachments(
      [image("a.png", "image/png"), file("notes.md", "# Notes\n"), image("broken.png", "image/png"), image("full.jpg", "image/jpeg"), image("b.webp", "image/webp")],
      { takeImage },
    );
    expect(taken).toEqual(["a.png", "broken.png", "full.jpg", "b.webp"]);
    expect(text).toBe("![a.png](streamchat-image:id-1)\n\nnotes.md\n```md\n# Notes\n```\n\n![b.webp](streamchat-image:id-4)");
    expect(refused).toEqual([
      { name: "broken.png", reason: "unreadable_image" },
      { name: "full.jpg", reason: "not_kept" },
    ]);
  });

  test("a PDF's or a Word document's text goes to a plain fenced block under its name; what `readDocument` refused, or a text over the limit, is named with why", async () => {
    const asked: Array<[string, string, number]> = [];
    const readDocument = async (document: File, kind: "pdf" | "docx", mostCharacters: number) => {
      asked.push([document.name, kind, mostCharacters]);
      if (document.name === "scan.pdf") return { refused: "no_text_document" as const };
      // Over the limit in UTF-8 bytes though not in characters: the limit is the bytes sent.
      if (document.name === "long.PDF") return { text: "あ".repeat(largestAttachmentBytes / 3 + 1) };
      return { text: "Quarterly report\n\n売上は 12% 増えました" };
    };
    const word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const { text, refused } = await readAttachments(
      [
        file("report.pdf", "%PDF-1.7"),
        file("scan.pdf", "%PDF-1.7"),
        file("long.PDF", "%PDF-1.7"),
        new File(["%PDF-1.7"], "download", { type: "application/pdf" }),
        file("minutes.docx", "PK"),
        new File(["PK"], "attachment", { type: word }),
      ],
      { readDocument },
    );
    expect(asked).toEqual([
      ["report.pdf", "pdf", largestAttachmentBytes],
      ["scan.pdf", "pdf", largestAttachmentBytes],
      ["long.PDF", "pdf", largestAttachmentBytes],
      ["download", "pdf", largestAttachmentBytes],
      ["minutes.docx", "docx", largestAttachmentBytes],
      ["attachment", "docx", largestAttachmentBytes],
    ]);
    const block = "```\nQuarterly report\n\n売上は 12% 増えました\n```";
    expect(text).toBe(`report.pdf\n${block}\n\ndownload\n${block}\n\nminutes.docx\n${block}\n\nattachment\n${block}`);
    expect(refused).toEqual([
      { name: "scan.pdf", reason: "no_text_document" },
      { name: "long.PDF", reason: "text_too_large" },
    ]);
  });

  test("without a document reader, a PDF is not text", async () => {
    const { refused } = await readAttachments([file("paper.pdf", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00]))]);
    expect(refused).toEqual([{ name: "paper.pdf", reason: "not_text" }]);
  });

  test("text that is not UTF-8, or holds a NUL, is not text; a byte order mark is dropped", () => {
    expect(textOf(new Uint8Array([0x66, 0x6f, 0xff, 0x6f]))).toBeUndefined();
    expect(textOf(new TextEncoder().encode("a\u0000b"))).toBeUndefined();
    expect(textOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toBe("hi");
  });

  test("a fence longer than any run of backticks in the text keeps a Markdown file with code whole", () => {
    expect(attachmentBlock("README.md", "Run:\n```sh\nnpm test\n```\n")).toBe("README.md\n````md\nRun:\n```sh\nnpm test\n```\n````");
  });
});
