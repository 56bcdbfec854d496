import { describe, expect, test } from "vitest";
import { selectActiveConversation } from "@/lib/store/chat-selectors";
import { restoreChat } from "@/lib/store/restore-chat";
import { answerWith, createHarness, exchange, settle } from "@/lib/store/testing/chat-store-harness";

const contents = (chat: ReturnType<typeof createHarness>) => chat.messageIds().map((id) => chat.state().messages[id]?.content);

describe("conversations", () => {
  test("the first message starts a conversation named after it", async () => {
    const chat = createHarness();
    await exchange(chat, "How do SSE reconnects work?\nIn detail please", "They use Last-Event-ID.");
    const { conversationIds, conversations, activeConversationId } = chat.state();
    expect(conversationIds).toHaveLength(1);
    expect(activeConversationId).toBe(conversationIds[0]);
    expect(conversations[activeConversationId ?? ""]?.title).toBe("How do SSE reconnects work?");
  });

  test("a new conversation is untitled (the page names it in the reader's language) until its first message names it", async () => {
    const chat = createHarness();
    chat.state().newConversation();
    const id = chat.state().activeConversationId ?? "";
    expect(chat.state().conversations[id]?.title).toBe("");
    await exchange(chat, "こんにちは\n二行目", "ok");
    expect(chat.state().conversations[id]?.title).toBe("こんにちは");
  });

  test("a long first line is cut to fit, and a renamed conversation keeps its name", async () => {
    const chat = createHarness();
    await exchange(chat, "x".repeat(100), "ok");
    const id = chat.state().activeConversationId ?? "";
    expect(chat.state().conversations[id]?.title).toBe(`${"x".repeat(47)}…`);
    chat.state().renameConversation(id, "  Renamed  ");
    chat.state().renameConversation(id, "   ");
    expect(chat.state().conversations[id]?.title).toBe("Renamed");
  });

  test("a pinned conversation stays pinned as it is written to and once saved and read again; unpinned, nothing of it is saved", async () => {
    const chat = createHarness();
    await exchange(chat, "keep this one", "ok");
    const id = chat.state().activeConversationId ?? "";
    chat.state().pinConversation(id, true);
    await exchange(chat, "more", "ok");
    const saved = JSON.parse(JSON.stringify(chat.state())) as unknown;
    expect(restoreChat(saved)?.conversations[id]?.pinned).toBe(true);
    chat.state().pinConversation(id, false);
    expect(JSON.stringify(chat.state().conversations[id])).not.toContain("pinned");
  });

  test("new, switch and delete keep each conversation's messages apart", async () => {
    const chat = createHarness();
    await exchange(chat, "first chat", "answer one");
    const first = chat.state().activeConversationId ?? "";
    chat.state().newConversation();
    chat.state().newConversation(); // a second New on an empty chat makes no second empty chat
    expect(chat.state().conversationIds).toHaveLength(2);
    await exchange(chat, "second chat", "answer two");
    const second = chat.state().activeConversationId ?? "";
    expect(contents(chat)).toEqual(["second chat", "answer two"]);
    // The newest activity is listed first.
    expect(chat.state().conversationIds).toEqual([second, first]);

    chat.state().selectConversation(first);
    expect(contents(chat)).toEqual(["first chat", "answer one"]);

    chat.state().deleteConversation(first);
    expect(chat.state().activeConversationId).toBe(second);
    expect(Object.values(chat.state().messages).map((message) => message.content)).toEqual(["second chat", "answer two"]);
  });

  test("deleting the conversation being answered stops its answer", async () => {
    const chat = createHarness();
    const sending = chat.state().send("question");
    await settle();
    await chat.answers[0]?.send({ type: "start", id: "answer-1", model: "m" });
    chat.state().deleteConversation(chat.state().activeConversationId ?? "");
    expect(chat.answers[0]?.signal.aborted).toBe(true);
    // Cancelled on the server too: a resumable answer would otherwise go on for its grace period.
    expect(chat.cancelled).toEqual(["answer-1"]);
    await sending;
    expect(chat.state()).toMatchObject({ conversationIds: [], messages: {}, answering: {} });
  });

  test("clear all forgets every conversation and stops any answer", async () => {
    const chat = createHarness();
    await exchange(chat, "one", "1");
    chat.state().newConversation();
    const sending = chat.state().send("two");
    await settle();
    chat.state().clearAll();
    await sending;
    expect(chat.answers[1]?.signal.aborted).toBe(true);
    expect(chat.state()).toMatchObject({ conversations: {}, conversationIds: [], activeConversationId: undefined, messages: {} });
  });
});

describe("settings", () => {
  test("the system prompt, model, temperature and reasoning effort go with each request of their conversation only", async () => {
    const chat = createHarness();
    chat.state().updateSettings({ systemPrompt: "Answer in French.", model: "gpt-large", temperature: 0.2, reasoningEffort: "low" });
    await exchange(chat, "Hello", "Bonjour");
    expect(chat.answers[0]?.request).toEqual({
      messages: [
        { role: "system", content: "Answer in French." },
        { role: "user", content: "Hello" },
      ],
      model: "gpt-large",
      temperature: 0.2,
      reasoning_effort: "low",
    });
    chat.state().newConversation();
    await exchange(chat, "Hello", "Hi");
    expect(chat.answers[1]?.request).toEqual({ messages: [{ role: "user", content: "Hello" }] });
  });

  test("new chats start with the settings made theirs, also the one a first message makes, until they are set to none again; Clear all keeps them", async () => {
    const chat = createHarness();
    const chosen = { systemPrompt: "Answer in French.", model: "gpt-large", temperature: 0.2 };
    chat.state().updateSettings(chosen);
    chat.state().setNewChatSettings({ systemPrompt: "Answer in French.", model: "gpt-large", temperature: 0.2 });
    await exchange(chat, "Hello", "Bonjour");
    // Changing this conversation's settings now changes only this conversation's.
    chat.state().updateSettings({ temperature: 1.5 });
    chat.state().newConversation();
    expect(selectActiveConversation(chat.state())?.settings).toEqual(chosen);
    await exchange(chat, "Hi", "Salut");
    expect(chat.answers[1]?.request).toEqual({
      messages: [
        { role: "system", content: "Answer in French." },
        { role: "user", content: "Hi" },
      ],
      model: "gpt-large",
      temperature: 0.2,
    });
    chat.state().clearAll();
    await exchange(chat, "Again", "Encore");
    expect(chat.answers[2]?.request).toMatchObject({ model: "gpt-large" });
    chat.state().setNewChatSettings(undefined);
    chat.state().newConversation();
    expect(selectActiveConversation(chat.state())?.settings).toEqual({ systemPrompt: "" });
  });
});

describe("edit and regenerate", () => {
  test("editing a user message replaces the answers after it and asks again", async () => {
    const chat = createHarness();
    await exchange(chat, "What is 2+2?", "4");
    await exchange(chat, "And 3+3?", "6");
    const firstQuestion = chat.messageIds()[0] ?? "";
    await answerWith(chat, () => chat.state().editAndResend(firstQuestion, "What is 2+3?"), "5");
    expect(contents(chat)).toEqual(["What is 2+3?", "5"]);
    expect(chat.answers.at(-1)?.request?.messages).toEqual([{ role: "user", content: "What is 2+3?" }]);
    expect(Object.keys(chat.state().messages)).toHaveLength(2);
  });

  test("regenerate replaces only the last answer", async () => {
    const chat = createHarness();
    await exchange(chat, "Tell me a joke", "Knock knock");
    await answerWith(chat, () => chat.state().regenerate(), "Why did the chicken…");
    expect(contents(chat)).toEqual(["Tell me a joke", "Why did the chicken…"]);
  });

  test("edit and regenerate wait while an answer is being written", async () => {
    const chat = createHarness();
    const sending = chat.state().send("question");
    await settle();
    const question = chat.messageIds()[0] ?? "";
    await chat.state().editAndResend(question, "changed");
    await chat.state().regenerate();
    expect(chat.answers).toHaveLength(1);
    expect(contents(chat)).toEqual(["question", ""]);
    chat.state().stop();
    await sending;
  });
});
