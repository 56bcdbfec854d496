import type { PersistStorage, StorageValue } from "zustand/middleware";
import { describe, expect, test } from "vitest";
import { unreadableNotice } from "@/lib/store/chat-persistence";
import type { PersistedChat } from "@/lib/store/chat-types";
import { createHarness } from "@/lib/store/testing/chat-store-harness";
import { version1SavedChat as version1 } from "@/lib/store/testing/version-1-saved-chat";

/** A storage holding `text` as localStorage would, parsed on read as the page's storage does. */
function savedText(text: string): PersistStorage<PersistedChat> {
  return {
    getItem: () => JSON.parse(text) as StorageValue<PersistedChat>,
    setItem: () => undefined,
    removeItem: () => undefined,
  };
}

async function reloadWith(text: string) {
  const chat = createHarness({ storage: savedText(text) });
  await chat.store.persist.rehydrate();
  return chat;
}

describe("saved chats from older versions, or broken", () => {
  test("version 1's single conversation becomes one conversation, its cut-off answer kept as stopped", async () => {
    const chat = await reloadWith(JSON.stringify(version1));
    expect(chat.state().notice).toBeUndefined();
    expect(chat.state().conversationIds).toHaveLength(1);
    expect(chat.state().conversations[chat.state().activeConversationId ?? ""]?.title).toBe("Hello from version 1");
    expect(chat.messageIds()).toEqual(["u1", "a1"]);
    expect(chat.message(1)).toMatchObject({ content: "Half an ans", status: "stopped" });
    expect(chat.state().streamResponses).toBe(false);
  });

  test.each([
    ["text that is not JSON", "{not json"],
    ["a version 2 body of the wrong shape", JSON.stringify({ state: { conversations: [], messages: 5 }, version: 2 })],
    ["a version 1 body of the wrong shape", JSON.stringify({ state: { messageIds: "u1" }, version: 1 })],
    ["a version from the future", JSON.stringify({ state: {}, version: 99 })],
  ])("%s starts afresh with a notice, never a blank page", async (_case, text) => {
    const chat = await reloadWith(text);
    expect(chat.state().notice).toBe(unreadableNotice);
    expect(chat.state().conversationIds).toEqual([]);
    // The chat works at once.
    const sending = chat.state().send("still works?");
    expect(chat.message(0)).toMatchObject({ role: "user", content: "still works?" });
    chat.state().stop();
    await sending;
    chat.state().dismissNotice();
    expect(chat.state().notice).toBeUndefined();
  });

  test("ids that point nowhere are dropped rather than shown as holes", async () => {
    const state: PersistedChat = {
      conversations: {
        c1: { id: "c1", title: "kept", titleEdited: false, createdAt: 1, updatedAt: 1, messageIds: ["m1", "missing"], settings: { systemPrompt: "" } },
      },
      conversationIds: ["gone", "c1"],
      activeConversationId: "gone",
      messages: { m1: { id: "m1", role: "user", content: "hi", status: "done" } },
      streamResponses: true,
    };
    const chat = await reloadWith(JSON.stringify({ state, version: 2 }));
    expect(chat.state().notice).toBeUndefined();
    expect(chat.state().conversationIds).toEqual(["c1"]);
    expect(chat.state().activeConversationId).toBe("c1");
    expect(chat.messageIds()).toEqual(["m1"]);
  });

  test("version 2's answer cut off by a reload stays stopped (version 2 never asked for resumable answers), and is saved as version 3", async () => {
    const state = {
      conversations: { c1: { id: "c1", title: "t", titleEdited: false, createdAt: 1, updatedAt: 1, messageIds: ["u1", "a1"], settings: { systemPrompt: "" } } },
      conversationIds: ["c1"],
      activeConversationId: "c1",
      messages: {
        u1: { id: "u1", role: "user", content: "Hello", status: "done" },
        a1: { id: "a1", role: "assistant", content: "Half", status: "streaming", answerId: "old-answer" },
      },
      streamResponses: true,
    };
    const written: unknown[] = [];
    const storage: PersistStorage<PersistedChat> = {
      getItem: () => ({ state: state as PersistedChat, version: 2 }),
      setItem: (_name, value) => void written.push(value),
      removeItem: () => undefined,
    };
    const chat = createHarness({ storage });
    await chat.store.persist.rehydrate();
    expect(chat.state().notice).toBeUndefined();
    expect(chat.message(1)).toMatchObject({ content: "Half", status: "stopped", answerId: "old-answer" });
    expect(chat.answers).toEqual([]);
    expect(written).toMatchObject([{ version: 3, state: { messages: { a1: { status: "stopped" } } } }]);
  });
});
