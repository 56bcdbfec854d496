import { contentWithImages, imageIdsIn } from "@/lib/chat/image-references";
import { mayHoldImages } from "@/lib/chat/image-scheme";
import { defaultMaxBodyBytes, requestLimits } from "@/lib/chat/request-limits";
import type { ChatRequestInput } from "@/lib/chat/schema";

/** Bytes left for what turning references into image parts adds besides the images (about 70 bytes an image). */
const partsRoomBytes = 4_096;

/**
 * Characters of `data:` URLs one request may carry, with a server that takes
 * `maxBodyBytes` a request and a conversation whose request (with image
 * references, not images) is `requestBytes` long: 61 % of the limit (640,000
 * characters of 1 MiB), since every earlier image would go again with every
 * turn, and never more than the room the conversation's text leaves, so that
 * a long conversation does not pass the limit for its images.
 */
export function imageBudgetCharacters(maxBodyBytes: number, requestBytes: number): number {
  return Math.min(Math.floor(maxBodyBytes * 0.61), maxBodyBytes - requestBytes - partsRoomBytes);
}

/** Reads stored images by id: their `data:` URLs, and none for an id not stored. */
export type ReadImages = (ids: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/**
 * The request with its questions' image references made images (see
 * lib/chat/image-references.ts), for a server that takes `maxBodyBytes` a
 * request. The latest question with images sends them all (if that is more
 * than the server takes, it says so); earlier ones, the newest first, while
 * they fit in `imageBudgetCharacters` and the request's number of images
 * (`requestLimits.maxImages`); the rest are named in the text as sent
 * earlier. No image store is read when no question refers to an image.
 */
export async function withImagesLoaded(request: ChatRequestInput, readImages: ReadImages, maxBodyBytes = defaultMaxBodyBytes): Promise<ChatRequestInput> {
  const referring = request.messages.map((message) => (message.role === "user" && typeof message.content === "string" && mayHoldImages(message.content) ? imageIdsIn(message.content) : []));
  const ids = [...new Set(referring.flat())];
  if (ids.length === 0) return request;
  const stored = await readImages(ids);
  const latest = referring.findLastIndex((found) => found.some((id) => stored.has(id)));
  const sent = referring.map(() => new Set<string>());
  const budget = imageBudgetCharacters(maxBodyBytes, new TextEncoder().encode(JSON.stringify(request)).length);
  let spent = 0;
  let count = 0;
  for (let index = referring.length - 1; index >= 0; index -= 1) {
    // Within a question too, the last image first.
    for (const id of [...(referring[index] ?? [])].reverse()) {
      const size = stored.get(id)?.length;
      if (size === undefined || (index !== latest && (spent + size > budget || count >= requestLimits.maxImages))) continue;
      spent += size;
      count += 1;
      sent[index]?.add(id);
    }
  }
  return {
    ...request,
    messages: request.messages.map((message, index) => {
      if (message.role !== "user" || typeof message.content !== "string" || referring[index]?.length === 0) return message;
      const content = contentWithImages(message.content, ({ id }) => {
        const url = stored.get(id);
        if (url === undefined) return { missing: "not_stored" };
        return sent[index]?.has(id) ? { url } : { missing: "not_sent_again" };
      });
      return { role: "user", content };
    }),
  };
}
