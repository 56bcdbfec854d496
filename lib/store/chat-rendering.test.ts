import { describe, expect, test } from "vitest";
import type { ChatState } from "@/lib/store/chat";
import { selectActiveMessageIds } from "@/lib/store/chat-selectors";
import { createHarness, settle } from "@/lib/store/testing/chat-store-harness";

/*
 * What the page renders from: how often state changes while tokens stream,
 * which selections change, and the timings it shows (DESIGN.md: one render per
 * frame at most; a message that is not streaming never re-renders).
 */

describe("rendering while an answer streams", () => {
  test("applies the deltas of one frame in one state change, and shows nothing before the frame runs", async () => {
    const chat = createHarness();
    void chat.state().send("Count");
    await settle();
    const [answer] = chat.answers;
    await answer?.send({ type: "start", id: "chat-1", model: "gpt-test" });
    const assistantId = chat.message(1).id;
    const shown: string[] = [];
    chat.store.subscribe((state) => shown.push(state.messages[assistantId]?.content ?? ""));

    await answer?.send(...["one ", "two ", "three "].map((content) => ({ type: "delta" as const, content })));
    expect(shown).toEqual([]);
    expect(chat.pendingFrames()).toBe(1);
    chat.runFrame();
    expect(shown).toEqual(["one two three "]);

    await answer?.send({ type: "delta", content: "four" }, { type: "delta", content: "." });
    chat.runFrame();
    expect(shown).toEqual(["one two three ", "one two three four."]);
  });

  test("a message selected from state keeps the same object while another message grows", async () => {
    const chat = createHarness();
    const first = chat.state().send("First");
    await settle();
    await chat.answers[0]?.send({ type: "delta", content: "First answer" });
    await chat.answers[0]?.end();
    await first;
    const [firstQuestionId = "", firstAnswerId = ""] = chat.messageIds();

    // Counts changes as a component selecting one message (`useStore(s => s.messages[id])`) would see them.
    const changes = { firstQuestion: 0, firstAnswer: 0, growing: 0 };
    chat.store.subscribe((state: ChatState, previous: ChatState) => {
      if (state.messages[firstQuestionId] !== previous.messages[firstQuestionId]) changes.firstQuestion++;
      if (state.messages[firstAnswerId] !== previous.messages[firstAnswerId]) changes.firstAnswer++;
      const growingId = selectActiveMessageIds(state)[3];
      if (growingId !== undefined && state.messages[growingId] !== previous.messages[growingId]) changes.growing++;
    });

    const second = chat.state().send("Second");
    await settle();
    const [answer] = chat.answers.slice(1);
    await answer?.send({ type: "start", id: "chat-2", model: "gpt-test" });
    for (const content of ["Sec", "ond ", "answer"]) {
      await answer?.send({ type: "delta", content });
      chat.runFrame();
    }
    await answer?.send({ type: "usage", prompt_tokens: 1, completion_tokens: 3, total_tokens: 4 }, { type: "finish", finish_reason: "stop" });
    await answer?.end();
    await second;

    expect(chat.message(3).content).toBe("Second answer");
    expect(changes.growing).toBeGreaterThanOrEqual(4);
    expect(changes).toMatchObject({ firstQuestion: 0, firstAnswer: 0 });
  });
});

describe("timings", () => {
  test("firstTokenMs is from Send to the first text on screen, totalMs to the end", async () => {
    const chat = createHarness();
    chat.setTime(1_000);
    const sending = chat.state().send("Hello");
    await settle();
    const [answer] = chat.answers;
    chat.setTime(1_100);
    await answer?.send({ type: "start", id: "chat-1", model: "gpt-test" });
    expect(chat.message(1).firstTokenMs).toBeUndefined();

    chat.setTime(1_250);
    await answer?.send({ type: "delta", content: "Hi" });
    chat.setTime(1_300);
    chat.runFrame();
    expect(chat.message(1).firstTokenMs).toBe(300);

    chat.setTime(1_600);
    await answer?.send({ type: "delta", content: " there" });
    chat.runFrame();
    chat.setTime(1_900);
    await answer?.send({ type: "finish", finish_reason: "stop" });
    await answer?.end();
    await sending;
    expect(chat.message(1)).toMatchObject({ content: "Hi there", firstTokenMs: 300, totalMs: 900 });
  });

  test("an answer stopped before any text has a total time and no first-token time", async () => {
    const chat = createHarness();
    chat.setTime(5_000);
    const sending = chat.state().send("Hello");
    await settle();
    chat.setTime(5_400);
    chat.state().stop();
    await sending;
    expect(chat.message(1)).toMatchObject({ status: "stopped", totalMs: 400 });
    expect(chat.message(1).firstTokenMs).toBeUndefined();
  });
});
