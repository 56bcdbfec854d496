import { expect, test } from "vitest";
import type { AnswerUpdate } from "@/lib/client/answer-stream";
import { createChatStore } from "@/lib/store/chat";

// Not through the test harness, which loads the answer-reading chunk first: here the first answer is asked for before it is loaded.
test("an answer asked for before its reading code has loaded arrives whole, CJK and emoji exact", async () => {
  let nextId = 0;
  const updates: AnswerUpdate[] = [
    { type: "start", id: "answer-1", model: "mock-model" },
    { type: "delta", content: "こんにちは" },
    { type: "delta", content: " 🍜" },
    { type: "finish", finish_reason: "stop" },
  ];
  const store = createChatStore({
    async *streamAnswer() {
      yield updates;
    },
    completeChat: () => Promise.reject(new Error("not streamed here")),
    fetchModels: () => Promise.reject(new Error("no models here")),
    openSession: async () => undefined,
    closeSession: async () => undefined,
    cancelAnswer: async () => undefined,
    scheduleFrame: (callback) => setTimeout(callback, 0),
    now: () => 0,
    createId: () => `id-${nextId++}`,
  });
  await store.getState().send("Hello");
  const { messages, conversations, activeConversationId } = store.getState();
  const [question, answer] = (conversations[activeConversationId ?? ""]?.messageIds ?? []).map((id) => messages[id]);
  expect(question?.content).toBe("Hello");
  expect(answer).toMatchObject({ content: "こんにちは 🍜", status: "done", model: "mock-model", answerId: "answer-1", finishReason: "stop" });
});
