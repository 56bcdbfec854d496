import { describe, expect, test } from "vitest";
import { answerWith, createHarness, exchange, memoryStorage, settle } from "@/lib/store/testing/chat-store-harness";

/** The shown conversation as "role: text" lines. */
const shown = (chat: ReturnType<typeof createHarness>) => chat.messageIds().map((id) => `${chat.state().messages[id]?.role}: ${chat.state().messages[id]?.content}`);

describe("editing a question keeps what it replaces as a branch", () => {
  test("the question as it was and everything after it come back with ‹, and the new branch with ›", async () => {
    const storage = memoryStorage();
    const chat = createHarness({ storage });
    await exchange(chat, "Name a fruit", "Apple");
    await exchange(chat, "Another?", "Pear");
    const questionId = chat.messageIds()[0] as string;

    await answerWith(chat, () => chat.state().editAndResend(questionId, "Name a vegetable"), "Leek");
    expect(shown(chat)).toEqual(["user: Name a vegetable", "assistant: Leek"]);
    // Asked afresh: only the edited question goes to the model.
    expect(chat.answers.at(-1)?.request?.messages).toEqual([{ role: "user", content: "Name a vegetable" }]);
    expect(chat.state().messages[questionId]?.branches?.map((branch) => branch.content)).toEqual(["Name a fruit"]);

    chat.state().showBranch(questionId, 0);
    await settle();
    expect(shown(chat)).toEqual(["user: Name a fruit", "assistant: Apple", "user: Another?", "assistant: Pear"]);
    expect(chat.state().messages[questionId]?.branch).toBe(0);

    // The conversation goes on from the branch shown.
    await exchange(chat, "And a third?", "Plum");
    expect(chat.answers.at(-1)?.request?.messages.map((message) => message.content)).toEqual(["Name a fruit", "Apple", "Another?", "Pear", "And a third?"]);

    chat.state().showBranch(questionId, 1);
    await settle();
    expect(shown(chat)).toEqual(["user: Name a vegetable", "assistant: Leek"]);

    // Kept across a reload, the other branch's messages too.
    const reloaded = createHarness({ storage, idPrefix: "reloaded" });
    await reloaded.store.persist.rehydrate();
    expect(shown(reloaded)).toEqual(shown(chat));
    reloaded.state().showBranch(questionId, 0);
    await settle();
    expect(shown(reloaded)).toEqual(["user: Name a fruit", "assistant: Apple", "user: Another?", "assistant: Pear", "user: And a third?", "assistant: Plum"]);
  });

  test("an edit made on an earlier branch is a new last branch; the others keep their order", async () => {
    const chat = createHarness();
    await exchange(chat, "One", "1");
    const questionId = chat.messageIds()[0] as string;
    await answerWith(chat, () => chat.state().editAndResend(questionId, "Two"), "2");
    chat.state().showBranch(questionId, 0);
    await settle();
    await answerWith(chat, () => chat.state().editAndResend(questionId, "Three"), "3");
    const question = chat.state().messages[questionId];
    expect(question?.branches?.map((branch) => `${branch.content} → ${branch.following.map((message) => message.content).join()}`)).toEqual(["One → 1", "Two → 2"]);
    expect(question?.branch).toBe(2);
    expect(shown(chat)).toEqual(["user: Three", "assistant: 3"]);
  });

  test("an answer's versions travel with the branch it is in", async () => {
    const chat = createHarness();
    await exchange(chat, "Hello", "One");
    await answerWith(chat, () => chat.state().regenerate(), "Two");
    const questionId = chat.messageIds()[0] as string;
    await answerWith(chat, () => chat.state().editAndResend(questionId, "Hi"), "Three");
    chat.state().showBranch(questionId, 0);
    await settle();
    const answer = chat.state().messages[chat.messageIds()[1] as string];
    expect(answer?.content).toBe("Two");
    expect(answer?.versions?.map((version) => version.content)).toEqual(["One"]);
  });

  test("switching is ignored while the conversation is being answered, and for a branch that does not exist", async () => {
    const chat = createHarness();
    await exchange(chat, "One", "1");
    const questionId = chat.messageIds()[0] as string;
    const editing = chat.state().editAndResend(questionId, "Two");
    await settle();
    chat.state().showBranch(questionId, 0);
    await settle();
    expect(chat.state().messages[questionId]?.content).toBe("Two");
    await chat.answers.at(-1)?.end();
    await editing;
    chat.state().showBranch(questionId, 5);
    await settle();
    expect(chat.state().messages[questionId]?.content).toBe("Two");
  });
});
