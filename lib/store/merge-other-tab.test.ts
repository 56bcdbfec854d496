import { afterEach, describe, expect, test, vi } from "vitest";
import type { ChatData, Conversation, Message } from "@/lib/store/chat-types";
import { furtherAlong, mergeOtherTab } from "@/lib/store/merge-other-tab";
import type { PersistedChat } from "@/lib/store/chat-types";
import { createThrottledStorage } from "@/lib/store/throttled-storage";
import { createHarness, memoryStorage, settle, type Harness } from "@/lib/store/testing/chat-store-harness";
import { settled } from "@/lib/store/testing/two-tabs";
import { webStorage } from "@/lib/store/testing/web-storage";

const conversation = (id: string, messageIds: string[], title = id): Conversation => ({
  id,
  title,
  titleEdited: false,
  createdAt: 1,
  updatedAt: 1,
  messageIds,
  settings: { systemPrompt: "" },
});
const answer = (id: string, content: string, status: Message["status"], lastEventId?: string): Message => ({
  id,
  role: "assistant",
  content,
  status,
  answerId: `answer-${id}`,
  ...(lastEventId === undefined ? {} : { lastEventId }),
});

function data(conversations: Conversation[], messages: Message[], activeConversationId = conversations[0]?.id): ChatData {
  return {
    conversations: Object.fromEntries(conversations.map((item) => [item.id, item])),
    conversationIds: conversations.map((item) => item.id),
    activeConversationId,
    messages: Object.fromEntries(messages.map((item) => [item.id, item])),
    streamResponses: true,
  };
}

describe("furtherAlong", () => {
  test("an ended answer never goes back to streaming, and of two open copies the later event wins", () => {
    expect(furtherAlong(answer("a", "All.", "done", "9"), answer("a", "Al", "streaming", "5"))?.status).toBe("done");
    expect(furtherAlong(answer("a", "Al", "streaming", "5"), answer("a", "A", "streaming", "3"))?.content).toBe("Al");
    expect(furtherAlong(answer("a", "A", "streaming", "3"), answer("a", "All", "streaming", "7"))?.content).toBe("All");
    expect(furtherAlong(answer("a", "A", "streaming", "3"), answer("a", "All.", "done", "9"))?.status).toBe("done");
  });

  test("a copy saved before its answer began (waiting, not named yet) never replaces one further along, and gives way to it", () => {
    const waiting: Message = { id: "a", role: "assistant", content: "", status: "waiting" };
    expect(furtherAlong(answer("a", "All.", "done", "9"), waiting)).toMatchObject({ content: "All.", status: "done" });
    expect(furtherAlong(answer("a", "Al", "streaming", "5"), waiting)).toMatchObject({ content: "Al", status: "streaming" });
    expect(furtherAlong(waiting, answer("a", "Al", "streaming", "5"))).toMatchObject({ content: "Al", status: "streaming" });
  });
});

describe("mergeOtherTab", () => {
  const local = data([conversation("c1", ["a1"]), conversation("c2", ["a2"], "old title")], [answer("a1", "Growing here", "streaming", "8"), answer("a2", "x", "done")], "c2");

  test("takes the other tab's renames, deletions and new conversations, and keeps what is this tab's own", () => {
    const saved = data([conversation("c3", ["a3"]), conversation("c1", ["a1"])], [answer("a3", "new there", "done"), answer("a1", "Grow", "streaming", "2")], "c3");
    const merged = mergeOtherTab(local, { saved, previous: { ids: new Set(["c1", "c2"]) } }, new Set(["c1"]));
    // c2 was saved before and is gone from the new value: deleted in the other tab.
    expect(merged.conversationIds).toEqual(["c3", "c1"]);
    // c1 is being answered here: this tab's copy, ahead of the saved one, stays.
    expect(merged.messages.a1?.content).toBe("Growing here");
    expect(merged.messages.a3?.content).toBe("new there");
    expect(merged.messages.a2).toBeUndefined();
    // c2 is gone, so this tab shows the other tab's choice.
    expect(merged.activeConversationId).toBe("c3");
  });

  test("what did not change stays the same object, so that its message does not render again", () => {
    const saved = JSON.parse(JSON.stringify(local)) as ChatData;
    const merged = mergeOtherTab(local, { saved, previous: { ids: new Set(["c1", "c2"]) } }, new Set());
    expect(merged.messages.a2).toBe(local.messages.a2);
    expect(merged.conversations.c2).toBe(local.conversations.c2);
  });

  test("the streaming setting is the other tab's, unless it changed here since the copy saved before", () => {
    const saved = { ...JSON.parse(JSON.stringify(local)), streamResponses: true } as ChatData;
    const changedHere = { ...local, streamResponses: false };
    expect(mergeOtherTab(changedHere, { saved, previous: { ids: new Set(["c1", "c2"]), streamResponses: true } }, new Set()).streamResponses).toBe(false);
    const changedThere = { ...local, streamResponses: false };
    expect(mergeOtherTab(changedThere, { saved, previous: { ids: new Set(["c1", "c2"]), streamResponses: false } }, new Set()).streamResponses).toBe(true);
  });

  test("new chats' settings are the other tab's: set there, or set back to none there", () => {
    const settings = { systemPrompt: "Be brief.", model: "gpt-large" };
    const previous = { ids: new Set(["c1", "c2"]) };
    const setThere = { ...JSON.parse(JSON.stringify(local)), newChatSettings: settings } as ChatData;
    expect(mergeOtherTab(local, { saved: setThere, previous }, new Set()).newChatSettings).toEqual(settings);
    const noneThere = JSON.parse(JSON.stringify(local)) as ChatData;
    expect(mergeOtherTab({ ...local, newChatSettings: settings }, { saved: noneThere, previous }, new Set()).newChatSettings).toBeUndefined();
  });

  test("a conversation made here and not saved yet is kept, at the top, and stays shown", () => {
    const mine = data([conversation("new", ["n1"]), ...Object.values(local.conversations)], [...Object.values(local.messages), answer("n1", "mine", "done")], "new");
    const saved = data([conversation("c2", ["a2"], "renamed there"), conversation("c1", ["a1"])], [answer("a2", "x", "done"), answer("a1", "Grow", "streaming", "2")]);
    const merged = mergeOtherTab(mine, { saved, previous: { ids: new Set(["c1", "c2"]) } }, new Set());
    expect(merged.conversationIds).toEqual(["new", "c2", "c1"]);
    expect(merged.conversations.c2?.title).toBe("renamed there");
    expect(merged.messages.n1?.content).toBe("mine");
    expect(merged.activeConversationId).toBe("new");
    // Not answered here: the saved copy, unless this tab's is further along.
    expect(merged.messages.a1?.content).toBe("Growing here");
  });

  describe("a change made here and not saved yet, when the other tab's write is heard", () => {
    const before = data([conversation("c1", ["a1"]), conversation("c2", ["a2"], "old title")], [answer("a1", "Grow", "streaming", "2"), answer("a2", "x", "done")]);
    const previous = { ids: new Set(["c1", "c2"]), conversations: JSON.parse(JSON.stringify(before.conversations)) as Record<string, unknown> };
    // This tab renamed c1 and deleted c2; the other tab answered on in c1 and made c3.
    const here = data([{ ...conversation("c1", ["a1"]), title: "renamed here", titleEdited: true }], [answer("a1", "Grow", "streaming", "2")], "c1");

    test("stays, when the other tab did not change that conversation: a rename, a deletion", () => {
      const saved = data([conversation("c3", ["a3"]), conversation("c1", ["a1"]), conversation("c2", ["a2"], "old title")], [
        answer("a3", "new there", "done"),
        answer("a1", "Growing", "streaming", "5"),
        answer("a2", "x", "done"),
      ]);
      const merged = mergeOtherTab(here, { saved, previous }, new Set());
      expect(merged.conversations.c1?.title).toBe("renamed here");
      expect(merged.conversationIds).toEqual(["c3", "c1"]);
      expect(merged.conversations.c2).toBeUndefined();
      expect(merged.messages.a2).toBeUndefined();
      // What the other tab did is taken in too.
      expect(merged.messages.a1?.content).toBe("Growing");
      expect(merged.messages.a3?.content).toBe("new there");
    });

    test("gives way when the other tab changed that conversation too: its rename, and its answer in one deleted here", () => {
      const saved = data([{ ...conversation("c1", ["a1"]), title: "renamed there", titleEdited: true }, conversation("c2", ["a2", "a4"], "old title")], [
        answer("a1", "Grow", "streaming", "2"),
        answer("a2", "x", "done"),
        answer("a4", "answered there", "done"),
      ]);
      const merged = mergeOtherTab(here, { saved, previous }, new Set());
      expect(merged.conversations.c1?.title).toBe("renamed there");
      expect(merged.conversationIds).toEqual(["c1", "c2"]);
      expect(merged.messages.a4?.content).toBe("answered there");
    });

    test("stays, when an answer ended here before it was saved: its question and answer are not lost", () => {
      const quick = data([conversation("c1", ["a1", "q5", "a5"]), conversation("c2", ["a2"], "old title")], [
        answer("a1", "Grow", "streaming", "2"),
        { id: "q5", role: "user", content: "One more", status: "done" },
        answer("a5", "Done at once.", "done"),
        answer("a2", "x", "done"),
      ]);
      const merged = mergeOtherTab(quick, { saved: before, previous }, new Set());
      expect(merged.conversations.c1?.messageIds).toEqual(["a1", "q5", "a5"]);
      expect(merged.messages.a5?.content).toBe("Done at once.");
    });

    test("gives way when the copy saved before could not be read", () => {
      const saved = data([conversation("c1", ["a1"]), conversation("c2", ["a2"], "old title")], [answer("a1", "Grow", "streaming", "2"), answer("a2", "x", "done")]);
      const merged = mergeOtherTab(here, { saved, previous: { ids: previous.ids } }, new Set());
      expect(merged.conversations.c1?.title).toBe("c1");
      expect(merged.conversationIds).toEqual(["c1", "c2"]);
    });
  });
});

describe("two tabs on one conversation", () => {
  test("the second tab follows the answer the first is writing, neither overwrites the other's copy, and Stop there cancels it", async () => {
    const storage = memoryStorage();
    const first = createHarness({ storage, idPrefix: "first" });
    const second = createHarness({ storage, idPrefix: "second" });
    await first.store.persist.rehydrate();
    await second.store.persist.rehydrate();
    const before = JSON.stringify(storage.getItem("streamchat"));

    void first.state().send("Count for me");
    await settle();
    const writing = first.answers[0];
    await writing?.send({ type: "start", id: "answer-1", model: "m", eventId: "0" }, { type: "delta", content: "Token 0. ", eventId: "1" });
    first.runFrame();

    // The storage event: the second tab takes the write in and follows the answer from where the saved copy ends.
    await second.state().takeOtherTabWrite(before);
    expect(second.answers.map((answer) => answer.source)).toEqual([{ answerId: "answer-1", lastEventId: "1", ended: false }]);
    expect(second.answeringId()).toBe("first-3");
    const following = second.answers[0];
    await following?.send({ type: "delta", content: "Token 1. ", eventId: "2" });
    second.runFrame();
    expect(second.message(1).content).toBe("Token 0. Token 1. ");

    // The first tab is further along, then the second tab saves its copy: the first keeps its own.
    await writing?.send({ type: "delta", content: "Token 1. Token 2. ", eventId: "3" });
    first.runFrame();
    const afterFirst = JSON.stringify(storage.getItem("streamchat"));
    second.state().setStreamResponses(true);
    await first.state().takeOtherTabWrite(afterFirst);
    expect(first.message(1).content).toBe("Token 0. Token 1. Token 2. ");
    expect(first.answers).toHaveLength(1);

    second.state().stop();
    expect(second.cancelled).toEqual(["answer-1"]);
    expect(following?.signal.aborted).toBe(true);
  });
});

/** A tab whose saves go through the page's throttled storage over the Web Storage all tabs share, wired as the page wires it. */
function tabOver(shared: Storage, idPrefix: string): Harness {
  let takeIn: (previousText: string | null) => void = () => undefined;
  const storage = createThrottledStorage<PersistedChat>(() => shared, (previousText) => takeIn(previousText), 1_000);
  const tab = createHarness({ storage, idPrefix });
  takeIn = (previousText) => void tab.state().takeOtherTabWrite(previousText);
  return tab;
}

/** Two tabs over one Web Storage, wired as the page wires them, with the clock faked (their saves wait on it). */
function twoTabsWithFakeClock(): { shared: Storage; first: Harness; second: Harness } {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const shared = webStorage();
  return { shared, first: tabOver(shared, "first"), second: tabOver(shared, "second") };
}


describe("a tab slow to hear of another's write", () => {
  afterEach(() => vi.useRealTimers());

  test("never saves over it: the conversation the other tab is answering in stays, there and here", async () => {
    const { shared, first, second } = twoTabsWithFakeClock();
    await first.store.persist.rehydrate();
    await second.store.persist.rehydrate();

    // The first tab starts an answer, and saves it.
    void first.state().send("Count for me");
    await vi.advanceTimersByTimeAsync(0);
    const writing = first.answers[0];
    await settled(writing?.send({ type: "start", id: "answer-1", model: "m", eventId: "0" }, { type: "delta", content: "Token 0. ", eventId: "1" }));
    first.runFrame();
    await vi.advanceTimersByTimeAsync(1_000);
    const savedByFirst = shared.getItem("streamchat");
    expect(savedByFirst).toContain("Count for me");

    // The second tab, opened before that and not yet told of it (its storage event is slow), has a write of its own to make.
    second.state().setStreamResponses(false);
    await vi.advanceTimersByTimeAsync(3_000);
    // It took the first tab's write in rather than save over it: the conversation is saved, and shown here too.
    expect(shared.getItem("streamchat")).toContain("Count for me");
    expect(second.message(0).content).toBe("Count for me");
    // Its own change, made before it took that save in, is still its own, and saved.
    expect(second.state().streamResponses).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(JSON.parse(shared.getItem("streamchat") ?? "{}")).toMatchObject({ state: { streamResponses: false } });

    // The first tab hears of the second's write: it keeps the conversation it is answering in, and goes on answering.
    await first.state().takeOtherTabWrite(savedByFirst);
    expect(first.message(0).content).toBe("Count for me");
    expect(first.answeringId()).toBe("first-3");
    await settled(writing?.send({ type: "delta", content: "Token 1. ", eventId: "2" }));
    first.runFrame();
    expect(first.message(1).content).toBe("Token 0. Token 1. ");
  });
});

describe("a rename and a deletion made in the moment before another tab's write is heard", () => {
  afterEach(() => vi.useRealTimers());

  test("stay made, here and in the saved chats, and the other tab takes them in; its own new answer stays too", async () => {
    const { shared, first, second } = twoTabsWithFakeClock();
    await first.store.persist.rehydrate();
    /** Sends `question` in the first tab and lets its answer come back whole. */
    async function answered(question: string): Promise<void> {
      const sending = first.state().send(question);
      await vi.advanceTimersByTimeAsync(0);
      const answer = first.answers.at(-1);
      await settled(answer?.send({ type: "delta", content: `About ${question}.` }, { type: "finish", finish_reason: "stop" }));
      await settled(answer?.end());
      await settled(sending);
    }
    await answered("cats");
    first.state().newConversation();
    await answered("dogs");
    await vi.advanceTimersByTimeAsync(1_000);
    await second.store.persist.rehydrate();
    const [dogs, cats] = second.state().conversationIds;

    // The first tab starts a third conversation and saves it; the second has not heard of that write yet.
    first.state().newConversation();
    void first.state().send("birds");
    await vi.advanceTimersByTimeAsync(0);
    await settled(first.answers.at(-1)?.send({ type: "start", id: "answer-birds", model: "m", eventId: "0" }, { type: "delta", content: "Birds ", eventId: "1" }));
    first.runFrame();
    await vi.advanceTimersByTimeAsync(1_000);
    const savedByFirst = shared.getItem("streamchat");
    expect(savedByFirst).toContain("birds");

    // The second tab renames one conversation and deletes the other: each is saved at once, so the write is found first and taken in.
    second.state().renameConversation(cats ?? "", "Renamed here");
    second.state().deleteConversation(dogs ?? "");
    await vi.advanceTimersByTimeAsync(1_000);
    const kept = () => ({
      titles: second.state().conversationIds.map((id) => second.state().conversations[id]?.title),
      savedText: shared.getItem("streamchat") ?? "",
    });
    expect(kept().titles).toEqual(["birds", "Renamed here"]);
    expect(kept().savedText).toContain("Renamed here");
    expect(kept().savedText).not.toContain("About dogs.");
    expect(kept().savedText).toContain("Birds ");

    // The first tab hears of it: the rename and the deletion are taken in, and its answer goes on.
    await first.state().takeOtherTabWrite(savedByFirst);
    expect(first.state().conversationIds.map((id) => first.state().conversations[id]?.title)).toEqual(["birds", "Renamed here"]);
    expect(first.answeringId()).toBe(first.message(1).id);
  });
});
