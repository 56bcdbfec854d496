import { describe, expect, test } from "vitest";
import { contentWithImages, imageIdsIn, imageReference, segmentsOf, withoutImage } from "@/lib/chat/image-references";
import { mayHoldImages, withImagesNamed } from "@/lib/chat/image-scheme";

const question = "What is this?\n\n![cat 猫.png](streamchat-image:lm3k9x2a-1f2e3d4c)\n\nand ![b.jpg](streamchat-image:b2)";

describe("image references in a question's text", () => {
  test("a reference names the file, with what would end it (brackets, line breaks) made spaces", () => {
    expect(imageReference("abc-1", "cat 猫.png")).toBe("![cat 猫.png](streamchat-image:abc-1)");
    expect(imageReference("abc-1", "a]b[c\nd.png")).toBe("![a b c d.png](streamchat-image:abc-1)");
    expect(imageReference("abc-1", " ")).toBe("![image](streamchat-image:abc-1)");
  });

  test("the text is cut at its references, in order; Markdown images of other addresses are text", () => {
    expect(segmentsOf(question)).toEqual([
      { text: "What is this?\n\n" },
      { image: { name: "cat 猫.png", id: "lm3k9x2a-1f2e3d4c" } },
      { text: "\n\nand " },
      { image: { name: "b.jpg", id: "b2" } },
    ]);
    expect(segmentsOf("![x](https://example.com/x.png) and ![y](streamchat-image:bad id)")).toEqual([
      { text: "![x](https://example.com/x.png) and ![y](streamchat-image:bad id)" },
    ]);
    expect(imageIdsIn(`${question} again ![same](streamchat-image:b2)`)).toEqual(["lm3k9x2a-1f2e3d4c", "b2"]);
  });

  test("named for a title or a download; taken out with the line breaks after it", () => {
    expect(withImagesNamed(question)).toBe("What is this?\n\n[image: cat 猫.png]\n\nand [image: b.jpg]");
    expect(withImagesNamed("no images")).toBe("no images");
    expect(mayHoldImages(question)).toBe(true);
    expect(withoutImage(question, "lm3k9x2a-1f2e3d4c")).toBe("What is this?\n\nand ![b.jpg](streamchat-image:b2)");
    expect(withoutImage(question, "b2")).toBe("What is this?\n\n![cat 猫.png](streamchat-image:lm3k9x2a-1f2e3d4c)\n\nand ");
  });
});

describe("contentWithImages", () => {
  const url = "data:image/jpeg;base64,/9j/AA==";

  test("text without references stays text", () => {
    expect(contentWithImages("Hello ![x](https://x)", () => ({ url }))).toBe("Hello ![x](https://x)");
  });

  test("text and images in the text's order; an image that cannot be sent is said in the text, which runs on", () => {
    const outcomes = { "lm3k9x2a-1f2e3d4c": { url }, b2: { missing: "not_stored" } } as const;
    expect(contentWithImages(question, ({ id }) => outcomes[id as keyof typeof outcomes])).toEqual([
      { type: "text", text: "What is this?\n\n" },
      { type: "image_url", image_url: { url } },
      { type: "text", text: '\n\nand [image "b.jpg": no longer stored in this browser]' },
    ]);
    expect(contentWithImages("![a.png](streamchat-image:a1)", () => ({ missing: "not_sent_again" }))).toEqual([
      { type: "text", text: '[image "a.png": sent earlier, not sent again]' },
    ]);
  });
});
