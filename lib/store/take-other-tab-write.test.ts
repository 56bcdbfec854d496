import type { PersistStorage, StorageValue } from "zustand/middleware";
import { expect, test } from "vitest";
import { persistVersion } from "@/lib/store/chat-persistence";
import type { PersistedChat } from "@/lib/store/chat-types";
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
