import { clear, createStore, delMany, getMany, keys, set, type UseStore } from "idb-keyval";
import { imageScheme } from "@/lib/chat/image-scheme";

/*
 * Images put into questions, kept in this browser's IndexedDB as `data:`
 * URLs by id (lib/chat/image-scheme.ts): localStorage, where the saved
 * chats are, holds a few megabytes in all, and one photo would take a tenth
 * of it. idb-keyval (Jake Archibald's, ~600 bytes) is the community's way to
 * use IndexedDB as a key-value store without its request and transaction
 * ceremony. Loaded only with the code that reads, shows or sends images.
 */

let store: UseStore | undefined;
const images = () => (store ??= createStore("streamchat-images", "images"));

/** A new image's id: the time it is kept, in base 36, then 8 random hex digits (`lm3k9x2a-1f2e3d4c`). */
export function newImageId(now = Date.now()): string {
  return `${now.toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

/** When an image was kept, read from its id (`newImageId`); NaN for an id of another shape. */
export function keptAtOf(id: string): number {
  return Number.parseInt(id.split("-", 1)[0] ?? "", 36);
}

export async function saveImage(id: string, dataUrl: string): Promise<void> {
  await set(id, dataUrl, images());
}

/** The stored images among `ids`, by id; an id with none is left out (cleared by the browser, or from another browser's backup). */
export async function readImages(ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const found = new Map<string, string>();
  if (ids.length === 0) return found;
  const values = await getMany<unknown>([...ids], images());
  values.forEach((value, index) => {
    const id = ids[index];
    if (id !== undefined && typeof value === "string") found.set(id, value);
  });
  return found;
}

/** The text of everything saved in this browser that may refer to an image: the saved chats and the drafts, and `heldHere`. */
function referringText(heldHere: string): string {
  let referring = heldHere;
  for (let index = 0; index < localStorage.length; index += 1) {
    const key = localStorage.key(index);
    if (key?.startsWith("streamchat")) referring += localStorage.getItem(key) ?? "";
  }
  return referring;
}

const referredTo = (referring: string, id: string) => referring.includes(`${imageScheme}${id})`);

/**
 * Deletes the images `ids` (a conversation's, as it is deleted) unless
 * something saved or `heldHere` still refers to one: a private photo goes
 * with its conversation, not at some later image's sweep.
 */
export async function deleteImages(ids: readonly string[], heldHere: string): Promise<void> {
  const referring = referringText(heldHere);
  await delMany(ids.filter((id) => !referredTo(referring, id)), images());
}

/** Deletes every image (Clear all: no conversation is left to refer to one). Storage that cannot be opened has none to delete. */
export async function clearImages(): Promise<void> {
  await clear(images()).catch(() => undefined);
}

/** An image is left alone this long after it was kept: a draft in another tab may refer to it without having been saved yet. */
const youngMs = 60 * 60 * 1000;

/**
 * Deletes the images nothing in this browser refers to any more (a deleted
 * conversation's, a draft's image taken out before sending): neither the
 * saved chats and drafts, read as the text localStorage holds, nor
 * `heldHere`, the text of what this tab holds that may not be saved yet (its
 * chats are written at most once a second, and not at all when storage is
 * full; a backup just restored, a question being edited). Ids begin with the
 * time the image was kept (`keptAtOf`).
 */
export async function sweepImages(heldHere: string, now = Date.now()): Promise<void> {
  const stored = await keys(images());
  if (stored.length === 0) return;
  const referring = referringText(heldHere);
  const unused = stored.filter((id): id is string => {
    if (typeof id !== "string" || referredTo(referring, id)) return false;
    const keptAt = keptAtOf(id);
    return Number.isFinite(keptAt) && now - keptAt > youngMs;
  });
  await delMany(unused, images());
}
