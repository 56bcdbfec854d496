import { describe, expect, test } from "vitest";
import type { PersistStorage } from "zustand/middleware";
import type { PersistedChat } from "@/lib/store/chat";
import { fullNotice, unreadableNotice } from "@/lib/store/chat-persistence";
import { createHarness, exchange, memoryStorage, settle } from "@/lib/store/testing/chat-store-harness";

/*
 * "After a reload the conversations are still there" (PROTOCOL.md, the chat
 * page): a second store over the same storage stands for the reloaded page.
 */

/** `storage` whose reads wait for `release`, as the page's first read waits for the reader chunk on a slow connection. */
function slowToRead(storage: PersistStorage<PersistedChat>) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const slow: PersistStorage<PersistedChat> = { ...storage, getItem: async (name) => (await released, storage.getItem(name)) };
  return { storage: slow, release };
}

describe("persistence", () => {
  test("after rehydrate the messages, the streaming switch and new chats' settings come back", async () => {
    const storage = memoryStorage();
    const before = createHarness({ storage });
    before.state().setStreamResponses(false);
    before.state().setNewChatSettings({ systemPrompt: "Be brief.", model: "gpt-large" });
    const sending = before.state().send("Hello");
    await settle();
    await before.completions[0]?.resolve({ id: "chat-1", model: "gpt-test", content: "Hi there.", finish_reason: "stop" });
    await sending;

    const after = createHarness({ storage, idPrefix: "reloaded" });
    await after.store.persist.rehydrate();
    expect(after.messageIds()).toEqual(before.messageIds());
    expect(after.state().messages).toEqual(before.state().messages);
    expect(after.state().streamResponses).toBe(false);
    expect(after.state().newChatSettings).toEqual({ systemPrompt: "Be brief.", model: "gpt-large" });
  });

  test("an answer cut off by a reload comes back stopped, with its text, and the conversation goes on", async () => {
    const storage = memoryStorage();
    const before = createHarness({ storage });
    void before.state().send("Tell me a story");
    await settle();
    await before.answers[0]?.send({ type: "delta", content: "Once upon" });
    before.runFrame();
    expect(before.message(1).status).toBe("streaming");

    // The page reloads here, mid-answer: the first store is never told.
    const after = createHarness({ storage, idPrefix: "reloaded" });
    await after.store.persist.rehydrate();
    expect(after.message(1)).toMatchObject({ role: "assistant", content: "Once upon", status: "stopped" });
    expect(after.answeringId()).toBeUndefined();

    void after.state().send("Go on");
    await settle();
    expect(after.answers[0]?.request).toEqual({
      messages: [
        { role: "user", content: "Tell me a story" },
        { role: "assistant", content: "Once upon" },
        { role: "user", content: "Go on" },
      ],
    });
  });

  test("an answer still waiting for its first token comes back stopped too", async () => {
    const storage = memoryStorage();
    const before = createHarness({ storage });
    void before.state().send("Hello");
    await settle();
    expect(before.message(1).status).toBe("waiting");

    const after = createHarness({ storage, idPrefix: "reloaded" });
    await after.store.persist.rehydrate();
    expect(after.message(1)).toMatchObject({ content: "", status: "stopped" });
    // Saved so at once: a tab open beside it would otherwise show it waiting until this page changes something.
    const saved = storage.getItem("streamchat") as { state: { messages: Record<string, { status: string }> } } | null;
    expect(saved?.state.messages[after.message(1).id]?.status).toBe("stopped");
  });

  test("a finished error stays an error, with what went wrong", async () => {
    const storage = memoryStorage();
    const before = createHarness({ storage });
    const sending = before.state().send("Hello");
    await settle();
    await before.answers[0]?.send({ type: "error", code: "auth_failed", message: "The model refused the key.", retryable: false });
    await sending;

    const after = createHarness({ storage, idPrefix: "reloaded" });
    await after.store.persist.rehydrate();
    expect(after.message(1)).toMatchObject({ status: "error", error: { code: "auth_failed", message: "The model refused the key.", retryable: false } });
  });

  test("a question sent before the saved chats are read (their reader slow to come) is kept, its answer goes on, and both are saved", async () => {
    const storage = memoryStorage();
    const before = createHarness({ storage });
    await exchange(before, "Hello", "Hi there.");
    const saved = before.state().conversationIds;

    // The reloaded page: its message box works before the saved chats are read.
    const { storage: slowStorage, release } = slowToRead(storage);
    const after = createHarness({ storage: slowStorage, idPrefix: "reloaded" });
    const reading = after.store.persist.rehydrate();
    void after.state().send("Asked before the read");
    await settle();
    await after.answers[0]?.send({ type: "start", id: "answer-1", model: "gpt-test" }, { type: "delta", content: "Par" });
    after.runFrame();
    release();
    await reading;

    // The conversation asked in stays shown, the saved one is back beside it, and the answer reads on.
    expect(after.state().conversationIds).toEqual([after.state().activeConversationId, ...saved]);
    expect(after.messageIds().map((id) => after.state().messages[id]?.content)).toEqual(["Asked before the read", "Par"]);
    expect(after.state().messages[before.messageIds()[1] ?? ""]?.content).toBe("Hi there.");
    await after.answers[0]?.send({ type: "delta", content: "is." }, { type: "finish", finish_reason: "stop" });
    await after.answers[0]?.end();
    after.runFrame();
    expect(after.message(1)).toMatchObject({ content: "Paris.", status: "done" });

    const reloaded = createHarness({ storage, idPrefix: "again" });
    await reloaded.store.persist.rehydrate();
    expect(reloaded.state().conversationIds).toEqual(after.state().conversationIds);
    expect(reloaded.message(1)).toMatchObject({ content: "Paris.", status: "done" });
  });

  test("the streaming switch turned before the saved chats are read stays as turned", async () => {
    const storage = memoryStorage();
    const before = createHarness({ storage });
    await exchange(before, "Hello", "Hi there.");

    const { storage: slowStorage, release } = slowToRead(storage);
    const after = createHarness({ storage: slowStorage, idPrefix: "reloaded" });
    const reading = after.store.persist.rehydrate();
    after.state().setStreamResponses(false);
    release();
    await reading;
    expect(after.state().streamResponses).toBe(false);
    expect(after.messageIds()).toEqual(before.messageIds());
  });

  test("nothing saved leaves the store empty, ready to chat", async () => {
    const after = createHarness({ storage: memoryStorage() });
    await after.store.persist.rehydrate();
    expect(after.state()).toMatchObject({ conversationIds: [], messages: {}, streamResponses: true, answering: {}, notice: undefined });
  });

  test("storage full is said until saving works again; a notice about something else is left as it is", () => {
    const chat = createHarness();
    chat.state().noteStorageFull(true);
    expect(chat.state().notice).toBe(fullNotice);
    chat.state().noteStorageFull(false);
    expect(chat.state().notice).toBeUndefined();

    chat.store.setState({ notice: unreadableNotice });
    chat.state().noteStorageFull(false);
    expect(chat.state().notice).toBe(unreadableNotice);
  });
});
