import { describe, expect, test } from "vitest";
import { ChatClientError } from "@/lib/client/chat-client-error";
import { continueInstruction } from "@/lib/chat/continue-instruction";
import { answerWith, createHarness, exchange, memoryStorage, settle } from "@/lib/store/testing/chat-store-harness";

const usage = { prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 };


describe("send", () => {
  test("adds the user message and an assistant message that grows until the answer ends", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Hello");
    await settle();
    // message-1 is the conversation the first send starts.
    expect(chat.message(0)).toEqual({ id: "message-2", role: "user", content: "Hello", status: "done" });
    expect(chat.message(1)).toEqual({ id: "message-3", role: "assistant", content: "", status: "waiting" });
    expect(chat.answeringId()).toBe("message-3");

    const [answer] = chat.answers;
    await answer?.send({ type: "start", id: "chat-1", model: "gpt-test" }, { type: "delta", content: "Hel" });
    chat.runFrame();
    expect(chat.message(1)).toMatchObject({ content: "Hel", status: "streaming", model: "gpt-test" });
    await answer?.send({ type: "delta", content: "lo 👋" });
    chat.runFrame();
    expect(chat.message(1).content).toBe("Hello 👋");

    await answer?.send({ type: "usage", ...usage }, { type: "finish", finish_reason: "stop" });
    await answer?.end();
    await sending;
    expect(chat.message(1)).toEqual({
      id: "message-3", role: "assistant", content: "Hello 👋", status: "done", model: "gpt-test", answerId: "chat-1", finishReason: "stop", usage, firstTokenMs: 0, totalMs: 0,
    });
    expect(chat.answeringId()).toBeUndefined();
  });

  test("a reasoning model's reasoning grows in its own field before the answer, and is never sent back", async () => {
    const chat = createHarness();
    chat.setTime(1_000);
    const sending = chat.state().send("Why?");
    await settle();
    const [answer] = chat.answers;
    await answer?.send(
      { type: "start", id: "chat-1", model: "thinker", eventId: "0" },
      { type: "reasoning", content: "Let me ", eventId: "1" },
      { type: "reasoning", content: "think.", eventId: "2" },
    );
    chat.setTime(1_300);
    chat.runFrame();
    // The first text on screen is the reasoning; the answer's has not come.
    expect(chat.message(1)).toMatchObject({ content: "", reasoning: "Let me think.", status: "streaming", lastEventId: "2", firstTokenMs: 300 });
    expect(chat.message(1).reasoningMs).toBeUndefined();

    await answer?.send({ type: "reasoning", content: " Done.", eventId: "3" }, { type: "delta", content: "Because.", eventId: "4" });
    chat.setTime(1_900);
    chat.runFrame();
    expect(chat.message(1)).toMatchObject({ content: "Because.", reasoning: "Let me think. Done.", lastEventId: "4", firstTokenMs: 300, reasoningMs: 600 });
    await answer?.send({ type: "delta", content: " More.", eventId: "5" });
    chat.setTime(2_000);
    chat.runFrame();
    expect(chat.message(1)).toMatchObject({ content: "Because. More.", reasoningMs: 600 });

    await answer?.send({ type: "finish", finish_reason: "stop", eventId: "6" });
    await answer?.end();
    await sending;
    void chat.state().send("And then?");
    await settle();
    expect(chat.answers[1]?.request?.messages).toEqual([
      { role: "user", content: "Why?" },
      { role: "assistant", content: "Because. More." },
      { role: "user", content: "And then?" },
    ]);
  });

  test("reasoning written into the answer between <think> tags is timed as reasoning sent apart is, once the answer after it begins", async () => {
    const chat = createHarness();
    chat.setTime(1_000);
    const sending = chat.state().send("Why?");
    await settle();
    const [answer] = chat.answers;
    await answer?.send({ type: "delta", content: "\n<thi" }, { type: "delta", content: "nk>\nLet me think." });
    chat.setTime(1_400);
    chat.runFrame();
    expect(chat.message(1)).toMatchObject({ content: "\n<think>\nLet me think.", firstTokenMs: 400 });
    // The closing tag cut in two, then only line breaks: the answer has not begun.
    await answer?.send({ type: "delta", content: " Done.</thi" }, { type: "delta", content: "nk>\n\n" });
    chat.setTime(2_000);
    chat.runFrame();
    expect(chat.message(1).reasoningMs).toBeUndefined();
    chat.setTime(3_400);
    await answer?.send({ type: "delta", content: "Because." });
    chat.runFrame();
    expect(chat.message(1).reasoningMs).toBe(2_000);
    chat.setTime(3_900);
    await answer?.send({ type: "delta", content: " <think>not again</think> More." });
    await answer?.end();
    await sending;
    expect(chat.message(1)).toMatchObject({ status: "done", reasoningMs: 2_000 });
  });

  test("an answer without <think> tags is not timed as reasoning", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Hi");
    await settle();
    await chat.answers[0]?.send({ type: "delta", content: "<b>Hello</b> " }, { type: "delta", content: "<think>x</think> y" });
    await chat.answers[0]?.end();
    await sending;
    expect(chat.message(1).reasoningMs).toBeUndefined();
  });

  test("sends the whole conversation each time", async () => {
    const chat = createHarness();
    await exchange(chat, "First question", "First answer");
    void chat.state().send("Second question");
    await settle();
    expect(chat.answers.map((answer) => answer.request)).toEqual([
      { messages: [{ role: "user", content: "First question" }] },
      {
        messages: [
          { role: "user", content: "First question" },
          { role: "assistant", content: "First answer" },
          { role: "user", content: "Second question" },
        ],
      },
    ]);
  });

  test("is ignored while an answer is active, and for blank text", async () => {
    const chat = createHarness();
    void chat.state().send("Hello");
    await settle();
    await chat.state().send("Another");
    expect(chat.messageIds()).toHaveLength(2);
    await chat.answers[0]?.end();
    await chat.state().send(" \n\t ");
    expect(chat.messageIds()).toHaveLength(2);
    expect(chat.answers).toHaveLength(1);
  });
});

describe("stop and errors", () => {
  test("stop aborts the request and keeps the partial text, marked stopped", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Tell me a story");
    await settle();
    const [answer] = chat.answers;
    await answer?.send({ type: "start", id: "answer-1", model: "m" }, { type: "delta", content: "Once upon " });
    chat.runFrame();
    // This one is still waiting for its frame when Stop is pressed.
    await answer?.send({ type: "delta", content: "a time" });
    chat.state().stop();
    expect(answer?.signal.aborted).toBe(true);
    await sending;
    expect(chat.message(1)).toMatchObject({ content: "Once upon a time", status: "stopped" });
    expect(chat.message(1).error).toBeUndefined();
    expect(chat.answeringId()).toBeUndefined();
  });

  test("stop also asks the server to cancel the answer by its id, so the model stops wherever it runs", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Tell me a long story");
    await settle();
    const [answer] = chat.answers;
    await answer?.send({ type: "start", id: "answer-42", model: "gpt-test" }, { type: "delta", content: "Once" });
    chat.state().stop();
    await sending;
    expect(chat.cancelled).toEqual(["answer-42"]);
    expect(answer?.signal.aborted).toBe(true);
  });

  test("an error event after some deltas keeps the partial text and says what went wrong", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Hello");
    await settle();
    await chat.answers[0]?.send(
      { type: "delta", content: "Half an" },
      { type: "error", code: "rate_limited", message: "The model is busy.", retryable: true, retry_after: 20 },
    );
    await sending;
    expect(chat.message(1)).toMatchObject({
      content: "Half an",
      status: "error",
      error: { code: "rate_limited", message: "The model is busy.", retryable: true, retryAfterSeconds: 20 },
    });
    expect(chat.answeringId()).toBeUndefined();
  });

  test.each([
    { thrown: new ChatClientError("connection_lost", "The connection was lost.", { retryable: true }), error: { code: "connection_lost", message: "The connection was lost.", retryable: true } },
    { thrown: new ChatClientError("rate_limited", "Too many requests.", { retryable: true, retryAfterSeconds: 12 }), error: { code: "rate_limited", message: "Too many requests.", retryable: true, retryAfterSeconds: 12 } },
    { thrown: new TypeError("a bug in the page"), error: { code: "page_error", message: "Something went wrong in the page. Try again.", retryable: true } },
  ])("a thrown $thrown.name ($error.code) is shown as the message's error", async ({ thrown, error }) => {
    const chat = createHarness();
    const sending = chat.state().send("Hello");
    await settle();
    await chat.answers[0]?.send({ type: "delta", content: "Some" });
    await chat.answers[0]?.fail(thrown);
    await sending;
    expect(chat.message(1)).toMatchObject({ content: "Some", status: "error" });
    expect(chat.message(1).error).toEqual(error);
  });
});

describe("streaming off", () => {
  test("uses completeChat and shows the answer whole", async () => {
    const chat = createHarness();
    chat.state().setStreamResponses(false);
    chat.setTime(1_000);
    const sending = chat.state().send("Hello");
    await settle();
    expect(chat.answers).toHaveLength(0);
    expect(chat.completions.map((completion) => completion.request)).toEqual([{ messages: [{ role: "user", content: "Hello" }] }]);
    expect(chat.message(1)).toMatchObject({ content: "", status: "waiting" });

    chat.setTime(1_800);
    await chat.completions[0]?.resolve({ id: "chat-1", model: "gpt-test", content: "The whole answer.", finish_reason: "stop", usage });
    await sending;
    expect(chat.message(1)).toEqual({
      id: "message-3", role: "assistant", content: "The whole answer.", status: "done", model: "gpt-test", finishReason: "stop", usage, firstTokenMs: 800, totalMs: 800,
    });
  });

  test("a whole answer's reasoning is kept beside it", async () => {
    const chat = createHarness();
    chat.state().setStreamResponses(false);
    const sending = chat.state().send("Why?");
    await settle();
    await chat.completions[0]?.resolve({ id: "chat-1", model: "thinker", content: "Because.", reasoning: "Let me think.", finish_reason: "stop" });
    await sending;
    expect(chat.message(1)).toMatchObject({ content: "Because.", reasoning: "Let me think.", status: "done" });
  });

  test("stop aborts the request and marks the message stopped", async () => {
    const chat = createHarness();
    chat.state().setStreamResponses(false);
    const sending = chat.state().send("Hello");
    await settle();
    chat.state().stop();
    await sending;
    expect(chat.completions[0]?.signal.aborted).toBe(true);
    expect(chat.message(1)).toMatchObject({ content: "", status: "stopped" });
  });
});

describe("regenerate", () => {
  test("replaces the last answer with a new one, asked with the conversation before it", async () => {
    const chat = createHarness();
    await exchange(chat, "Hello", "One");
    const oldAnswerId = chat.message(1).id;
    const regenerating = chat.state().regenerate();
    await settle();
    expect(chat.state().messages[oldAnswerId]).toBeUndefined();
    expect(chat.answers[1]?.request).toEqual({ messages: [{ role: "user", content: "Hello" }] });
    await chat.answers[1]?.send({ type: "delta", content: "Two" });
    await chat.answers[1]?.end();
    await regenerating;
    expect(chat.messageIds()).toHaveLength(2);
    expect(chat.message(1)).toMatchObject({ content: "Two", status: "done" });
    expect(chat.message(1).id).not.toBe(oldAnswerId);
  });

  test("keeps the answers it replaces as versions: any can be shown, and the one shown is the answer the conversation goes on from", async () => {
    const storage = memoryStorage();
    const chat = createHarness({ storage });
    await exchange(chat, "Hello", "One");
    await answerWith(chat, () => chat.state().regenerate(), "Two");
    await answerWith(chat, () => chat.state().regenerate(), "Three");
    const id = chat.message(1).id;
    expect(chat.message(1)).toMatchObject({ content: "Three", status: "done" });
    expect(chat.message(1).versions?.map((version) => version.content)).toEqual(["One", "Two"]);
    expect(chat.message(1).version).toBeUndefined();

    chat.state().showVersion(id, 0);
    await settle();
    expect(chat.message(1)).toMatchObject({ id, role: "assistant", content: "One", status: "done", version: 0 });
    expect(chat.message(1).versions?.map((version) => version.content)).toEqual(["Two", "Three"]);
    chat.state().showVersion(id, 1);
    await settle();
    expect(chat.message(1)).toMatchObject({ content: "Two", version: 1 });
    // No such version: nothing changes.
    chat.state().showVersion(id, 7);
    await settle();
    expect(chat.message(1)).toMatchObject({ content: "Two", version: 1 });

    // Kept after a reload, and the conversation goes on from the version shown.
    const reloaded = createHarness({ storage, idPrefix: "reloaded" });
    await reloaded.store.persist.rehydrate();
    expect(reloaded.message(1)).toEqual(chat.message(1));
    void reloaded.state().send("And?");
    await settle();
    expect(reloaded.answers[0]?.request?.messages).toEqual([
      { role: "user", content: "Hello" },
      { role: "assistant", content: "Two" },
      { role: "user", content: "And?" },
    ]);
  });

  test("switching versions drops what only the version shown had (an error, its reasoning)", async () => {
    const chat = createHarness();
    await exchange(chat, "Hello", "One");
    const regenerating = chat.state().regenerate();
    await settle();
    await chat.answers[1]?.send({ type: "reasoning", content: "Hmm." }, { type: "delta", content: "Tw" });
    await chat.answers[1]?.fail(new ChatClientError("upstream_unavailable", "The connection to the model was lost.", { retryable: true }));
    await regenerating;
    const id = chat.message(1).id;
    expect(chat.message(1)).toMatchObject({ content: "Tw", reasoning: "Hmm.", status: "error" });
    chat.state().showVersion(id, 0);
    await settle();
    expect(chat.message(1)).toEqual({ id, role: "assistant", content: "One", status: "done", finishReason: "stop", firstTokenMs: 0, totalMs: 0, version: 0, versions: [expect.objectContaining({ content: "Tw", reasoning: "Hmm.", status: "error" })] });
  });

  test("an answer that failed before any text is not kept as a version when it is tried again", async () => {
    const chat = createHarness();
    await exchange(chat, "Hello", "One");
    const first = chat.state().regenerate();
    await settle();
    await chat.answers[1]?.fail(new ChatClientError("rate_limited", "Too many requests.", { retryable: true }));
    await first;
    await answerWith(chat, () => chat.state().regenerate(), "Three");
    expect(chat.message(1).versions?.map((version) => version.content)).toEqual(["One"]);
  });

  test("is ignored while an answer is active", async () => {
    const chat = createHarness();
    void chat.state().send("Hello");
    await settle();
    await chat.state().regenerate();
    expect(chat.answers).toHaveLength(1);
    expect(chat.messageIds()).toHaveLength(2);
  });
});

describe("continue", () => {
  const instruction = { role: "user", content: continueInstruction };

  test("an answer cut off at the token limit goes on in the same message: asked with it and the instruction, its text added, its tokens and time both runs'", async () => {
    const chat = createHarness();
    chat.setTime(1_000);
    const sending = chat.state().send("Tell me a story");
    await settle();
    await chat.answers[0]?.send({ type: "start", id: "answer-1", model: "m", eventId: "0" }, { type: "delta", content: "Once upon a ti", eventId: "1" });
    chat.setTime(1_200);
    chat.runFrame();
    await chat.answers[0]?.send({ type: "usage", prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 }, { type: "finish", finish_reason: "length" });
    chat.setTime(2_000);
    await chat.answers[0]?.end();
    await sending;
    const id = chat.message(1).id;
    expect(chat.message(1)).toMatchObject({ status: "done", finishReason: "length", firstTokenMs: 200, totalMs: 1_000 });

    chat.setTime(10_000);
    const continuing = chat.state().continueAnswer();
    await settle();
    expect(chat.answers[1]?.request).toEqual({
      messages: [{ role: "user", content: "Tell me a story" }, { role: "assistant", content: "Once upon a ti" }, instruction],
    });
    expect(chat.answeringId()).toBe(id);
    // Going on: no longer cut off, and no resume position of the run that ended.
    expect(chat.message(1)).toMatchObject({ status: "streaming", content: "Once upon a ti" });
    expect(chat.message(1).finishReason).toBeUndefined();
    expect(chat.message(1).answerId).toBeUndefined();
    expect(chat.message(1).lastEventId).toBeUndefined();

    await chat.answers[1]?.send({ type: "start", id: "answer-2", model: "m", eventId: "0" }, { type: "delta", content: "me, a fox.", eventId: "1" });
    chat.runFrame();
    expect(chat.message(1)).toMatchObject({ content: "Once upon a time, a fox.", answerId: "answer-2", lastEventId: "1" });
    await chat.answers[1]?.send({ type: "usage", prompt_tokens: 30, completion_tokens: 3, total_tokens: 33 }, { type: "finish", finish_reason: "stop" });
    chat.setTime(10_500);
    await chat.answers[1]?.end();
    await continuing;
    expect(chat.messageIds()).toHaveLength(2);
    expect(chat.message(1)).toMatchObject({
      id,
      content: "Once upon a time, a fox.",
      status: "done",
      finishReason: "stop",
      firstTokenMs: 200,
      totalMs: 1_500,
      usage: { prompt_tokens: 35, completion_tokens: 7, total_tokens: 42 },
    });
  });

  test("a stopped answer goes on too; its tokens, never counted, are not claimed", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Count");
    await settle();
    await chat.answers[0]?.send({ type: "start", id: "answer-1", model: "m" }, { type: "delta", content: "1, 2," });
    chat.state().stop();
    await sending;
    expect(chat.message(1)).toMatchObject({ status: "stopped", content: "1, 2," });

    const continuing = chat.state().continueAnswer();
    await settle();
    await chat.answers[1]?.send({ type: "delta", content: " 3." }, { type: "usage", ...usage }, { type: "finish", finish_reason: "stop" });
    await chat.answers[1]?.end();
    await continuing;
    expect(chat.message(1)).toMatchObject({ status: "done", content: "1, 2, 3." });
    expect(chat.message(1).usage).toBeUndefined();
  });

  test("an answer broken off by an error goes on, its error gone; one that fails again keeps all its text", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Hello");
    await settle();
    await chat.answers[0]?.send({ type: "delta", content: "Half" });
    await chat.answers[0]?.fail(new ChatClientError("connection_lost", "The connection was lost.", { retryable: true }));
    await sending;

    const continuing = chat.state().continueAnswer();
    await settle();
    expect(chat.message(1).error).toBeUndefined();
    await chat.answers[1]?.send({ type: "delta", content: " and more" });
    await chat.answers[1]?.fail(new ChatClientError("connection_lost", "Lost again.", { retryable: true }));
    await continuing;
    expect(chat.message(1)).toMatchObject({ content: "Half and more", status: "error", error: { message: "Lost again." } });
  });

  test("a reasoning model's reasoning, written again, goes after the first run's, a paragraph apart; none written, none added", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Why?");
    await settle();
    await chat.answers[0]?.send({ type: "reasoning", content: "First thoughts." }, { type: "delta", content: "Because" }, { type: "finish", finish_reason: "length" });
    await chat.answers[0]?.end();
    await sending;
    const continuing = chat.state().continueAnswer();
    await settle();
    await chat.answers[1]?.send({ type: "reasoning", content: "More thoughts." }, { type: "delta", content: " so." });
    await chat.answers[1]?.end();
    await continuing;
    expect(chat.message(1)).toMatchObject({ content: "Because so.", reasoning: "First thoughts.\n\nMore thoughts.", status: "done" });

    chat.state().setStreamResponses(false);
    const again = chat.state().continueAnswer();
    await settle();
    await chat.completions[0]?.resolve({ id: "chat-3", model: "m", content: " Done.", finish_reason: "stop" });
    await again;
    expect(chat.message(1)).toMatchObject({ content: "Because so. Done.", reasoning: "First thoughts.\n\nMore thoughts." });
  });

  test("a model that reasons between <think> tags in its text: its reasoning written again goes to the reasoning, not into the answer", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Why?");
    await settle();
    await chat.answers[0]?.send({ type: "delta", content: "<think>\nFirst thoughts.\n</think>\n\nBecause" }, { type: "finish", finish_reason: "length" });
    await chat.answers[0]?.end();
    await sending;
    const continuing = chat.state().continueAnswer();
    await settle();
    // Asked with the answer as the model wrote it; from now on it is held apart.
    expect(chat.answers[1]?.request?.messages.at(1)).toEqual({ role: "assistant", content: "<think>\nFirst thoughts.\n</think>\n\nBecause" });
    expect(chat.message(1)).toMatchObject({ content: "Because", reasoning: "First thoughts.\n\n" });
    // The tags cut anywhere, as tokens cut them.
    await chat.answers[1]?.send({ type: "delta", content: "<thi", eventId: "1" }, { type: "delta", content: "nk>More ", eventId: "2" });
    await chat.answers[1]?.send({ type: "delta", content: "thoughts.</th", eventId: "3" }, { type: "delta", content: "ink>\n\n so", eventId: "4" }, { type: "delta", content: " it is.", eventId: "5" });
    chat.runFrame();
    expect(chat.message(1)).toMatchObject({ content: "Because so it is.", reasoning: "First thoughts.\n\nMore thoughts.", lastEventId: "5" });
    await chat.answers[1]?.send({ type: "finish", finish_reason: "stop" });
    await chat.answers[1]?.end();
    await continuing;
    expect(chat.message(1)).toMatchObject({ content: "Because so it is.", reasoning: "First thoughts.\n\nMore thoughts.", status: "done" });

    // Continued again with streaming off, thinking again: the same.
    await chat.store.setState((state) => ({ messages: { ...state.messages, [chat.message(1).id]: { ...chat.message(1), finishReason: "length" } } }));
    chat.state().setStreamResponses(false);
    const again = chat.state().continueAnswer();
    await settle();
    await chat.completions[0]?.resolve({ id: "chat-3", model: "m", content: "<think>Last.</think> Done.", finish_reason: "stop" });
    await again;
    expect(chat.message(1)).toMatchObject({ content: "Because so it is. Done.", reasoning: "First thoughts.\n\nMore thoughts.\n\nLast." });
  });

  test("a <think> answer continued without thinking again keeps its reasoning, held apart", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Why?");
    await settle();
    await chat.answers[0]?.send({ type: "delta", content: "<think>Thoughts.</think>Because" }, { type: "finish", finish_reason: "length" });
    await chat.answers[0]?.end();
    await sending;
    const continuing = chat.state().continueAnswer();
    await settle();
    await chat.answers[1]?.send({ type: "delta", content: " so." });
    await chat.answers[1]?.end();
    await continuing;
    expect(chat.message(1)).toMatchObject({ content: "Because so.", reasoning: "Thoughts.", status: "done" });
  });

  test("with streaming off, the whole continuation is added at once", async () => {
    const chat = createHarness();
    await exchange(chat, "Hello", "Hel");
    chat.state().setStreamResponses(false);
    const continuing = chat.state().continueAnswer();
    await settle();
    expect(chat.completions[0]?.request?.messages.at(-1)).toEqual(instruction);
    await chat.completions[0]?.resolve({ id: "chat-2", model: "m", content: "lo.", finish_reason: "stop" });
    await continuing;
    expect(chat.message(1)).toMatchObject({ content: "Hello.", status: "done", finishReason: "stop" });
  });

  test("does nothing while an answer is being written, nor for an answer with no text", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Hello");
    await settle();
    await chat.state().continueAnswer();
    expect(chat.answers).toHaveLength(1);
    chat.state().stop();
    await sending;
    // Stopped before any text: nothing to go on with.
    await chat.state().continueAnswer();
    expect(chat.answers).toHaveLength(1);
    expect(chat.message(1)).toMatchObject({ content: "", status: "stopped" });
  });
});
