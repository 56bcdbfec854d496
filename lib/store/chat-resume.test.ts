import { describe, expect, test } from "vitest";
import { ChatClientError } from "@/lib/client/chat-client-error";
import { createHarness, memoryStorage, settle, type Harness } from "@/lib/store/testing/chat-store-harness";

/** Sends `question` and streams `start` (id 0) and the deltas (ids 1, 2, ...) of an answer named `answer-1`, shown. */
async function answerUnderWay(chat: Harness, ...pieces: string[]) {
  void chat.state().send("Count for me");
  await settle();
  const answer = chat.answers.at(-1);
  await answer?.send({ type: "start", id: "answer-1", model: "m", eventId: "0" }, ...pieces.map((content, index) => ({ type: "delta" as const, content, eventId: String(index + 1) })));
  chat.runFrame();
  return answer;
}

describe("the last event id, saved with the text", () => {
  test("is taken in with the text it brought, in the same frame, never ahead of it", async () => {
    const chat = createHarness();
    const answer = await answerUnderWay(chat, "Token 0. ");
    expect(chat.message(1)).toMatchObject({ content: "Token 0. ", lastEventId: "1", answerId: "answer-1" });
    await answer?.send({ type: "delta", content: "Token 1. ", eventId: "2" });
    // Not painted yet: neither is its id.
    expect(chat.message(1)).toMatchObject({ content: "Token 0. ", lastEventId: "1" });
    await answer?.send({ type: "finish", finish_reason: "stop", eventId: "3" });
    // The finish takes the text before it along, so its id is saved with all of it.
    expect(chat.message(1)).toMatchObject({ content: "Token 0. Token 1. ", lastEventId: "3", finishReason: "stop" });
  });
});

describe("a batch (the events of one network read)", () => {
  test("its deltas are taken in as one piece of text, with the id of the last", async () => {
    const chat = createHarness();
    await answerUnderWay(chat, "日本", "語 👋", "🏽.");
    expect(chat.message(1)).toMatchObject({ content: "日本語 👋🏽.", lastEventId: "3", status: "streaming" });
  });

  test("an error event after deltas: the text before it is kept and saved with the error's id, nothing after it is taken in", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Hello");
    await settle();
    await chat.answers[0]?.send(
      { type: "start", id: "answer-1", model: "m", eventId: "0" },
      { type: "delta", content: "Half", eventId: "1" },
      { type: "delta", content: " an", eventId: "2" },
      { type: "error", code: "upstream_error", message: "The model failed.", retryable: true, eventId: "3" },
      { type: "delta", content: " answer", eventId: "4" },
    );
    await sending;
    expect(chat.message(1)).toMatchObject({ content: "Half an", lastEventId: "3", status: "error", error: { code: "upstream_error" } });
  });
});

describe("an answer cut off by a reload", () => {
  test("is read on from its last event id, and grows from where it was to its end", async () => {
    const storage = memoryStorage();
    const before = createHarness({ storage });
    const cut = await answerUnderWay(before, "Token 0. ", "Token 1. ");
    // Cut off while it was reconnecting: the reloaded page finds that out again for itself.
    await cut?.send({ type: "reconnecting" });

    const after = createHarness({ storage, idPrefix: "reloaded" });
    await after.store.persist.rehydrate();
    expect(after.answers.map((answer) => answer.source)).toEqual([{ answerId: "answer-1", lastEventId: "2", ended: false }]);
    expect(after.answeringId()).toBe(after.message(1).id);
    expect(after.message(1)).toMatchObject({ content: "Token 0. Token 1. ", status: "streaming" });
    expect(after.message(1).reconnecting).toBeUndefined();

    const resumed = after.answers[0];
    await resumed?.send({ type: "delta", content: "Token 2.", eventId: "3" }, { type: "finish", finish_reason: "stop", eventId: "4" });
    await resumed?.end();
    expect(after.message(1)).toMatchObject({ content: "Token 0. Token 1. Token 2.", status: "done", lastEventId: "4" });
    expect(after.answeringId()).toBeUndefined();
  });

  test("that the server no longer has ends with an error that says so, its text kept", async () => {
    const storage = memoryStorage();
    await answerUnderWay(createHarness({ storage }), "Token 0. ");
    const after = createHarness({ storage, idPrefix: "reloaded" });
    await after.store.persist.rehydrate();
    await after.answers[0]?.fail(new ChatClientError("answer_gone", "gone", { retryable: true }));
    expect(after.message(1)).toMatchObject({ content: "Token 0. ", status: "error", error: { code: "answer_gone", retryable: true } });
  });
});

describe("a continuation cut off by a reload", () => {
  /** A <think> answer cut off at the token limit, continued, and cut off by a reload while the model reasons again. */
  async function thinkingContinuationUnderWay() {
    const storage = memoryStorage();
    const before = createHarness({ storage });
    const sending = before.state().send("Why?");
    await settle();
    await before.answers[0]?.send(
      { type: "start", id: "answer-1", model: "m", eventId: "0" },
      { type: "delta", content: "<think>\nFirst thoughts.\n</think>\n\nBecause", eventId: "1" },
      { type: "usage", prompt_tokens: 5, completion_tokens: 4, total_tokens: 9, eventId: "2" },
      { type: "finish", finish_reason: "length", eventId: "3" },
    );
    await before.answers[0]?.end();
    await sending;
    void before.state().continueAnswer();
    await settle();
    await before.answers[1]?.send({ type: "start", id: "answer-2", model: "m", eventId: "0" }, { type: "delta", content: "<think>More ", eventId: "1" });
    before.runFrame();
    expect(before.message(1)).toMatchObject({ content: "Because", reasoning: "First thoughts.\n\nMore ", lastEventId: "1" });
    const after = createHarness({ storage, idPrefix: "reloaded" });
    await after.store.persist.rehydrate();
    return after;
  }

  test("is read again from its start: the rest of the reasoning the model writes again still goes to the reasoning, and its tokens are both runs'", async () => {
    const after = await thinkingContinuationUnderWay();
    // From the first event: the splitter must see the <think> block open to know what follows is reasoning.
    expect(after.answers.map((answer) => answer.source)).toEqual([{ answerId: "answer-2", ended: false }]);
    const resumed = after.answers[0];
    await resumed?.send(
      { type: "start", id: "answer-2", model: "m", eventId: "0" },
      { type: "delta", content: "<think>More ", eventId: "1" },
      { type: "delta", content: "thoughts.</think>\n\n so", eventId: "2" },
      { type: "delta", content: " it is.", eventId: "3" },
      { type: "usage", prompt_tokens: 30, completion_tokens: 3, total_tokens: 33, eventId: "4" },
      { type: "finish", finish_reason: "stop", eventId: "5" },
    );
    await resumed?.end();
    expect(after.message(1)).toMatchObject({
      content: "Because so it is.",
      reasoning: "First thoughts.\n\nMore thoughts.",
      status: "done",
      usage: { prompt_tokens: 35, completion_tokens: 7, total_tokens: 42 },
    });
    expect(after.message(1).continuation).toBeUndefined();
  });

  test("that the server no longer has keeps what was saved of it", async () => {
    const after = await thinkingContinuationUnderWay();
    await after.answers[0]?.fail(new ChatClientError("answer_gone", "gone", { retryable: true }));
    expect(after.message(1)).toMatchObject({ content: "Because", reasoning: "First thoughts.\n\nMore ", status: "error", error: { code: "answer_gone" } });
    expect(after.message(1).continuation).toBeUndefined();
  });
});

describe("a lost connection", () => {
  test("is said on the message while the page reconnects, and no more once it is back", async () => {
    const chat = createHarness();
    const answer = await answerUnderWay(chat, "Token 0. ");
    await answer?.send({ type: "reconnecting" });
    expect(chat.message(1).reconnecting).toBe(true);
    await answer?.send({ type: "resumed" }, { type: "delta", content: "Token 1.", eventId: "2" });
    chat.runFrame();
    expect(chat.message(1)).toMatchObject({ reconnecting: false, content: "Token 0. Token 1." });
  });

  test("Stop while reconnecting cancels the answer on the server and ends it as stopped", async () => {
    const chat = createHarness();
    const answer = await answerUnderWay(chat, "Token 0. ");
    await answer?.send({ type: "reconnecting" });
    chat.state().stop();
    await settle();
    expect(chat.cancelled).toEqual(["answer-1"]);
    expect(answer?.signal.aborted).toBe(true);
    expect(chat.message(1)).toMatchObject({ status: "stopped", content: "Token 0. " });
    expect(chat.message(1).reconnecting).toBeUndefined();
  });
});

describe("stop", () => {
  test("an answer cancelled elsewhere (Stop in another tab) ends as stopped", async () => {
    const chat = createHarness();
    const answer = await answerUnderWay(chat, "Token 0. ");
    await answer?.send({ type: "finish", finish_reason: "cancelled", eventId: "2" });
    await answer?.end();
    expect(chat.message(1)).toMatchObject({ status: "stopped", finishReason: "cancelled" });
  });

  /** Sends a question and presses Stop before the server has named its answer. */
  async function stoppedBeforeNamed(chat: Harness) {
    void chat.state().send("Hello");
    await settle();
    chat.state().stop();
    return chat.answers[0];
  }

  test("pressed before the server named the answer, it cancels the answer as soon as its start comes", async () => {
    const chat = createHarness();
    const answer = await stoppedBeforeNamed(chat);
    expect(answer?.signal.aborted).toBe(false);
    await answer?.send({ type: "start", id: "answer-7", model: "m", eventId: "0" });
    expect(chat.cancelled).toEqual(["answer-7"]);
    expect(answer?.signal.aborted).toBe(true);
    await settle();
    expect(chat.message(1).status).toBe("stopped");
  });

  test("pressed before the server named the answer: the text that came in one batch with its start is not shown", async () => {
    const chat = createHarness();
    const answer = await stoppedBeforeNamed(chat);
    await answer?.send({ type: "start", id: "answer-7", model: "m", eventId: "0" }, { type: "delta", content: "Too late", eventId: "1" });
    chat.runFrame();
    await settle();
    expect(chat.cancelled).toEqual(["answer-7"]);
    expect(chat.message(1)).toMatchObject({ content: "", status: "stopped", answerId: "answer-7", lastEventId: "0" });
  });

  test("deleting a conversation whose answer is not named yet cancels the answer once its start comes", async () => {
    const chat = createHarness();
    void chat.state().send("Hello");
    await settle();
    const [answer] = chat.answers;
    chat.state().deleteConversation(chat.state().activeConversationId ?? "");
    await answer?.send({ type: "start", id: "answer-8", model: "m", eventId: "0" });
    expect(chat.cancelled).toEqual(["answer-8"]);
    expect(answer?.signal.aborted).toBe(true);
  });
});
