import { afterEach, expect, test, vi } from "vitest";
import type { AnswerUpdate } from "@/lib/client/answer-stream";
import { loadSavedChatReader, type ChatState, type PersistedChat } from "@/lib/store/chat";
import type { ScriptedAnswer } from "@/lib/store/testing/chat-store-harness";
import { randomNumbers, settled, twoTabs } from "@/lib/store/testing/two-tabs";

// Loaded up front: with the clock faked, a first dynamic import would never be waited for.
await loadSavedChatReader();

afterEach(() => vi.useRealTimers());

/** What both tabs must agree on: each shows the conversation it chose. */
const sharedPart = ({ conversations, conversationIds, messages }: Pick<ChatState, "conversations" | "conversationIds" | "messages">) =>
  JSON.parse(JSON.stringify({ conversations, conversationIds, messages })) as unknown;

test.each(Array.from({ length: 40 }, (_, index) => index + 1))(
  "two tabs used at once (seed %i): once all is heard, both and the saved chats agree, and nothing not deleted is lost",
  async (seed) => {
    const random = randomNumbers(seed);
    const { saved, tabs, slowReads, release } = twoTabs(random);
    for (const tab of tabs) await tab.store.persist.rehydrate();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    slowReads();
    /** The server's answers: their events so far, and how many tokens each will have. */
    const server = new Map<string, { events: AnswerUpdate[]; tokens: number }>();
    /** Each stream a tab reads: the answer it is of, and how far it has been read. */
    const streams = new Map<ScriptedAnswer, { answerId: string; read: number }>();
    const made = new Set<string>();
    const deleted = new Set<string>();
    let count = 0;
    const pick = <T,>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];

    /** The server writes on an answer a tab reads, and the tab reads some of what it has. */
    async function serve(answer: ScriptedAnswer | undefined): Promise<void> {
      if (!answer || answer.signal.aborted) return;
      let stream = streams.get(answer);
      if (!stream) {
        const answerId = "answerId" in answer.source ? answer.source.answerId : `answer-${++count}`;
        const lastEventId = "answerId" in answer.source ? answer.source.lastEventId : undefined;
        stream = { answerId, read: lastEventId === undefined ? 0 : Number(lastEventId) + 1 };
        streams.set(answer, stream);
        if (!server.has(answerId)) server.set(answerId, { events: [{ type: "start", id: answerId, model: "m", eventId: "0" }], tokens: 3 + Math.floor(random() * 5) });
      }
      const { events, tokens } = server.get(stream.answerId) ?? { events: [], tokens: 0 };
      const eventId = String(events.length);
      if (events.length <= tokens) events.push({ type: "delta", content: `${stream.answerId}.${events.length} `, eventId });
      else if (events.length === tokens + 1) events.push({ type: "finish", finish_reason: "stop", eventId });
      if (stream.read === Infinity) return;
      const batch = events.slice(stream.read, stream.read + 1 + Math.floor(random() * 2));
      stream.read += batch.length;
      if (batch.length > 0) await settled(answer.send(...batch));
      else if (stream.read === tokens + 2) {
        stream.read = Infinity;
        await settled(answer.end());
      }
    }

    for (let step = 0; step < 400; step += 1) {
      const tab = random() < 0.5 ? tabs[0] : tabs[1];
      const id = pick(tab.state().conversationIds);
      const choice = random();
      if (choice < 0.06) {
        tab.state().newConversation();
        void tab.state().send(`Question ${++count}`);
        await vi.advanceTimersByTimeAsync(0);
        made.add(tab.state().activeConversationId ?? "");
      } else if (choice < 0.3) await serve(pick(tab.answers));
      else if (choice < 0.6 && id !== undefined) {
        // What a person does with a conversation: rename, pin, delete or open it.
        if (choice < 0.34) tab.state().renameConversation(id, `Renamed ${++count}`);
        else if (choice < 0.36) {
          deleted.add(id);
          tab.state().deleteConversation(id);
        } else if (choice < 0.4) tab.state().pinConversation(id, random() < 0.5);
        else tab.state().selectConversation(id);
      } else if (choice < 0.75) tab.runFrame();
      else if (choice < 0.83) release();
      else await vi.advanceTimersByTimeAsync(Math.floor(random() * 200));
    }
    // The answers end and are read to their end; every write is heard, every read taken in.
    for (let round = 0; round < 60; round += 1) {
      for (const tab of tabs) for (const answer of tab.answers) await serve(answer);
      for (let index = 0; index < 5; index += 1) release();
      for (const tab of tabs) tab.runFrame();
      await vi.advanceTimersByTimeAsync(500);
    }
    await vi.advanceTimersByTimeAsync(10_000);

    const [first, second] = tabs;
    expect(sharedPart(second.state())).toEqual(sharedPart(first.state()));
    expect(sharedPart((JSON.parse(saved() ?? "{}") as { state: PersistedChat }).state)).toEqual(sharedPart(first.state()));
    // A conversation deleted in one tab while the other changed it may come back (the other tab's change is the newer
    // word, lib/store/merge-other-tab.ts); one never deleted is there, with its answers whole.
    for (const id of made) {
      if (deleted.has(id)) continue;
      const conversation = first.state().conversations[id];
      expect(conversation, `conversation ${id}`).toBeDefined();
      for (const message of (conversation?.messageIds ?? []).map((messageId) => first.state().messages[messageId])) {
        if (message?.role !== "assistant") continue;
        const events = server.get(message.answerId ?? "")?.events ?? [];
        expect(message).toMatchObject({ content: events.flatMap((event) => (event.type === "delta" ? [event.content] : [])).join(""), status: "done" });
      }
    }
  },
);
