import { expect, test, vi } from "vitest";
import { notLoadedNotice, savedChatsKey } from "@/lib/store/chat-persistence";
import { createHarness, exchange, memoryStorage } from "@/lib/store/testing/chat-store-harness";

// The connection dropped as the page fetched the code that reads saved chats (a chunk of its own).
vi.mock("@/lib/store/restore-chat", () => {
  throw new TypeError("Failed to fetch dynamically imported module");
});

test("saved chats whose reader cannot be fetched are kept as they are, and the page says a reload shows them", async () => {
  const storage = memoryStorage();
  const before = createHarness({ storage });
  await exchange(before, "Hello", "Hi there.");
  const saved = storage.getItem(savedChatsKey);
  expect(saved).not.toBeNull();

  const after = createHarness({ storage, idPrefix: "reloaded" });
  await after.store.persist.rehydrate();
  expect(after.state().notice).toBe(notLoadedNotice);
  // The page still answers; what it does is not saved over the chats it could not read.
  await exchange(after, "Are you there?", "Yes.");
  expect(after.message(1).content).toBe("Yes.");
  expect(storage.getItem(savedChatsKey)).toEqual(saved);
});
