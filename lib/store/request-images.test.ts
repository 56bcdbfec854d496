import { describe, expect, test } from "vitest";
import type { ChatRequestInput } from "@/lib/chat/schema";
import { defaultMaxBodyBytes, requestLimits } from "@/lib/chat/request-limits";
import { imageBudgetCharacters, withImagesLoaded, type ReadImages } from "@/lib/store/request-images";

const image = (id: string) => `![${id}.png](streamchat-image:${id})`;
/** A stored image's `data:` URL of about `characters` characters. */
const dataUrl = (characters: number) => `data:image/jpeg;base64,${"A".repeat(characters - 23)}`;

function storeOf(images: Record<string, string>): ReadImages & { asked: string[][] } {
  const asked: string[][] = [];
  const read = async (ids: readonly string[]) => {
    asked.push([...ids]);
    return new Map(ids.flatMap((id) => (images[id] === undefined ? [] : [[id, images[id]] as const])));
  };
  return Object.assign(read, { asked });
}

describe("withImagesLoaded", () => {
  test("a request that refers to no image is sent as it is, without reading the store", async () => {
    const store = storeOf({});
    const request: ChatRequestInput = { messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi ![x](https://x)" }] };
    expect(await withImagesLoaded(request, store)).toBe(request);
    expect(store.asked).toEqual([]);
  });

  test("questions' references become images, answers and the system prompt stay text, other fields stay", async () => {
    const small = dataUrl(100);
    const store = storeOf({ a: small });
    const request: ChatRequestInput = {
      model: "m",
      messages: [
        { role: "system", content: `keep ${image("a")}` },
        { role: "user", content: `Look: ${image("a")}` },
        { role: "assistant", content: `I see ${image("a")}` },
        { role: "user", content: "And?" },
      ],
    };
    expect(await withImagesLoaded(request, store)).toEqual({
      model: "m",
      messages: [
        { role: "system", content: `keep ${image("a")}` },
        { role: "user", content: [{ type: "text", text: "Look: " }, { type: "image_url", image_url: { url: small } }] },
        { role: "assistant", content: `I see ${image("a")}` },
        { role: "user", content: "And?" },
      ],
    });
    expect(store.asked).toEqual([["a"]]);
  });

  test("the latest question's images always go; earlier ones, newest first, while they fit the budget", async () => {
    const third = Math.floor(imageBudgetCharacters(defaultMaxBodyBytes, 1_000) / 3);
    const store = storeOf({ old: dataUrl(third), middle: dataUrl(third), recent: dataUrl(third), now1: dataUrl(third), now2: dataUrl(third) });
    const { messages } = await withImagesLoaded(
      {
        messages: [
          { role: "user", content: image("old") },
          { role: "assistant", content: "1" },
          { role: "user", content: `${image("middle")}${image("recent")}` },
          { role: "assistant", content: "2" },
          { role: "user", content: `${image("now1")}${image("now2")}${image("gone")}` },
        ],
      },
      store,
    );
    const imagesSent = messages.map((message) => (typeof message.content === "string" ? [] : message.content.map((part) => (part.type === "image_url" ? "image" : part.text))));
    expect(imagesSent).toEqual([
      ['[image "old.png": sent earlier, not sent again]'],
      [],
      ['[image "middle.png": sent earlier, not sent again]', "image"],
      [],
      ["image", "image", '[image "gone.png": no longer stored in this browser]'],
    ]);
  });

  test("the budget: 61 % of what the server takes a request, and never more than the conversation's text leaves", () => {
    expect(imageBudgetCharacters(1_048_576, 2_000)).toBe(639_631);
    expect(imageBudgetCharacters(8 * 1_048_576, 2_000)).toBe(5_117_050);
    expect(imageBudgetCharacters(1_048_576, 700_000)).toBe(1_048_576 - 700_000 - 4_096);
  });

  test("a server that takes more gets more earlier images; a long conversation's text leaves them less room", async () => {
    const store = storeOf({ first: dataUrl(500_000), second: dataUrl(500_000), now: dataUrl(100) });
    const conversation = (words: string): ChatRequestInput => ({
      messages: [
        { role: "user", content: image("first") },
        { role: "assistant", content: "1" },
        { role: "user", content: `${words}${image("second")}` },
        { role: "assistant", content: "2" },
        { role: "user", content: image("now") },
      ],
    });
    const imagesIn = ({ messages }: ChatRequestInput) => messages.filter((message) => typeof message.content !== "string" && message.content.some((part) => part.type === "image_url")).length;
    expect(imagesIn(await withImagesLoaded(conversation(""), store))).toBe(2);
    expect(imagesIn(await withImagesLoaded(conversation(""), store, 4 * 1_048_576))).toBe(3);
    // 600,000 characters of text: the 500,000 of an earlier image no longer fit in 1 MiB.
    expect(imagesIn(await withImagesLoaded(conversation("word ".repeat(120_000)), store))).toBe(1);
  });

  test("earlier images stop at the request's limit on images, small as they are", async () => {
    const earlier = Array.from({ length: 25 }, (_, index) => `e${index}`);
    const store = storeOf(Object.fromEntries([...earlier, "now"].map((id) => [id, dataUrl(100)])));
    const { messages } = await withImagesLoaded(
      {
        messages: [
          ...earlier.flatMap((id) => [
            { role: "user" as const, content: image(id) },
            { role: "assistant" as const, content: "ok" },
          ]),
          { role: "user", content: image("now") },
        ],
      },
      store,
    );
    const sentIds = messages.flatMap((message, index) => (typeof message.content !== "string" && message.content.some((part) => part.type === "image_url") ? [index] : []));
    expect(sentIds).toHaveLength(requestLimits.maxImages);
    // The latest question's, and the newest earlier ones.
    expect(sentIds.at(-1)).toBe(50);
    expect(sentIds[0]).toBe(2 * (25 - (requestLimits.maxImages - 1)));
  });
});

