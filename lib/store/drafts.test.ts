import { describe, expect, test, vi } from "vitest";
import { createDrafts, draftKeyPrefix } from "@/lib/store/drafts";
import { webStorage } from "@/lib/store/testing/web-storage";

const draftEntries = (storage: Storage) =>
  Object.fromEntries(Array.from({ length: storage.length }, (_, index) => storage.key(index) ?? "").filter((key) => key.startsWith(draftKeyPrefix)).map((key) => [key.slice(draftKeyPrefix.length), storage.getItem(key)]));

describe("drafts", () => {
  test("each conversation keeps its own, a chat not started yet too, and a new page reads them back", () => {
    const storage = webStorage();
    const drafts = createDrafts(() => storage);
    const heard = vi.fn();
    drafts.subscribe(heard);
    drafts.write("a", "Half a question about 大阪 🍜");
    drafts.write(undefined, "For a new chat");
    drafts.write(undefined, "For a new chat");
    expect(heard).toHaveBeenCalledTimes(2);
    expect(drafts.read("a")).toBe("Half a question about 大阪 🍜");
    expect(drafts.read("b")).toBe("");
    const later = createDrafts(() => storage);
    expect(later.read("a")).toBe("Half a question about 大阪 🍜");
    expect(later.read(undefined)).toBe("For a new chat");
  });

  test("a sent or deleted conversation's draft is forgotten, and given back; forgetting all leaves none, another tab's too, and nothing else goes", () => {
    const storage = webStorage();
    storage.setItem("streamchat", "the saved chats");
    const drafts = createDrafts(() => storage);
    drafts.write("a", "one");
    drafts.write("b", "two");
    // What was forgotten is given back (the images it referred to go too); one written by another tab, read from storage.
    createDrafts(() => storage).write("d", "![x](streamchat-image:1)");
    expect(drafts.forget(["a", "d"])).toBe("one\n![x](streamchat-image:1)");
    expect(drafts.read("a")).toBe("");
    expect(draftEntries(storage)).toEqual({ b: "two" });
    createDrafts(() => storage).write("c", "three");
    drafts.forget();
    expect(draftEntries(storage)).toEqual({});
    expect(drafts.read("b")).toBe("");
    expect(storage.getItem("streamchat")).toBe("the saved chats");
  });

  test("two tabs keep each other's drafts", () => {
    const storage = webStorage();
    createDrafts(() => storage).write("a", "from the first tab");
    createDrafts(() => storage).write("b", "from the second tab");
    expect(draftEntries(storage)).toEqual({ a: "from the first tab", b: "from the second tab" });
  });

  test("storage that is full or disabled costs the drafts only: the text stays", () => {
    const full = webStorage({ quota: 10 });
    const drafts = createDrafts(() => full);
    expect(() => drafts.write("a", "a long draft that does not fit")).not.toThrow();
    expect(drafts.read("a")).toBe("a long draft that does not fit");
    const none = createDrafts(() => {
      throw new DOMException("denied", "SecurityError");
    });
    expect(none.read("a")).toBe("");
    expect(() => none.write("a", "typed")).not.toThrow();
    expect(none.read("a")).toBe("typed");
    expect(() => none.forget()).not.toThrow();
  });
});
