import type { PersistStorage, StorageValue } from "zustand/middleware";
import { expect, test } from "vitest";
import { persistVersion } from "@/lib/store/chat-persistence";
import type { Conversation, PersistedChat } from "@/lib/store/chat-types";
import { createHarness, settle } from "@/lib/store/testing/chat-store-harness";

test("writes of other tabs heard back to back are taken in one after another, the latest last; this tab's answer stays", async () => {
  let otherTabsText: string | null = null;
  // This tab's own saves wait (as the throttled storage's do); reading gives what the other tabs saved last.
  const storage: PersistStorage<PersistedChat> = {
    getItem: () => (otherTabsText === null ? null : (JSON.parse(otherTabsText) as StorageValue<PersistedChat>)),
    setItem: () => undefined,
    removeItem: () => undefined,
  };
  const here = createHarness({ storage, idPrefix: "here" });
  await here.store.persist.rehydrate();
  void here.state().send("Mine");
  await settle();
  await here.answers[0]?.send({ type: "start", id: "answer-1", model: "m", eventId: "0" }, { type: "delta", content: "Token 0. ", eventId: "1" });
  here.runFrame();
  const mine = here.state().activeConversationId;

  const other = createHarness({ idPrefix: "other" });
  const save = () => {
    const { conversations, conversationIds, activeConversationId, messages, streamResponses } = other.state();
    otherTabsText = JSON.stringify({ state: { conversations, conversationIds, activeConversationId, messages, streamResponses }, version: persistVersion });
  };
  other.state().newConversation();
  void other.state().send("Theirs");
  await settle();
  save();
  const first = here.state().takeOtherTabWrite(null);
  other.state().renameConversation(other.state().conversationIds[0] ?? "", "Renamed there");
  save();
  const second = here.state().takeOtherTabWrite(otherTabsText);
  await Promise.all([first, second]);

  expect(here.state().conversationIds).toEqual([mine, ...other.state().conversationIds]);
  expect(here.state().conversations[other.state().conversationIds[0] ?? ""]?.title).toBe("Renamed there");
  expect(here.state().activeConversationId).toBe(mine);
  expect(here.message(1).content).toBe("Token 0. ");
  expect(here.answeringId()).toBe("here-3");
});

const conversation = (id: string): Conversation => ({ id, title: id, titleEdited: false, createdAt: 1, updatedAt: 1, messageIds: [`${id}-q`], settings: { systemPrompt: "" } });
const savedText = (ids: string[]) =>
  JSON.stringify({
    state: {
      conversations: Object.fromEntries(ids.map((id) => [id, conversation(id)])),
      conversationIds: ids,
      activeConversationId: ids[0],
      messages: Object.fromEntries(ids.map((id) => [`${id}-q`, { id: `${id}-q`, role: "user", content: `Question in ${id}`, status: "done" }])),
      streamResponses: true,
    },
    version: persistVersion,
  });

// Before, the write was read at once: the page's own read, left unmerged, was dropped, and the saved chats not yet
// here were taken for deleted here (once saved, deleted in every tab).
test("a page reading its saved chats (its reader still loading) that hears another tab's write keeps them, and takes the write in", async () => {
  let text = savedText(["kept"]);
  const before = text;
  let openFirstRead = () => {};
  let reads = 0;
  const storage: PersistStorage<PersistedChat> = {
    getItem() {
      const value = JSON.parse(text) as StorageValue<PersistedChat>;
      reads += 1;
      return reads > 1 ? value : new Promise((resolve) => (openFirstRead = () => resolve(value)));
    },
    setItem: (_name, value) => void (text = JSON.stringify(value)),
    removeItem: () => undefined,
  };
  const tab = createHarness({ storage, idPrefix: "loading" });
  const loading = tab.store.persist.rehydrate();
  // Meanwhile another tab makes a conversation and saves, and this page hears it.
  text = savedText(["new", "kept"]);
  const takingIn = tab.state().takeOtherTabWrite(before);
  await settle();
  openFirstRead();
  await loading;
  await takingIn;
  expect(tab.state().conversationIds).toEqual(["new", "kept"]);
  expect(tab.state().messages["kept-q"]?.content).toBe("Question in kept");
});
