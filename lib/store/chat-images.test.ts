import { describe, expect, test } from "vitest";
import { continueInstruction } from "@/lib/chat/continue-instruction";
import { createHarness, exchange, settle } from "@/lib/store/testing/chat-store-harness";

const photo = "data:image/jpeg;base64,/9j/4AAQSkZJRg==";
const question = "What is this?\n\n![cat.jpg](streamchat-image:lm3k9x2a-cat)";
const sentQuestion = { role: "user", content: [{ type: "text", text: "What is this?\n\n" }, { type: "image_url", image_url: { url: photo } }] };

describe("questions with images", () => {
  test("the question is kept as its text; what is sent has the image itself, streamed or not, and on Continue", async () => {
    const chat = createHarness({ images: { "lm3k9x2a-cat": photo } });
    await exchange(chat, question, "A cat.");
    expect(chat.message(0).content).toBe(question);
    expect(chat.state().conversations[chat.state().activeConversationId ?? ""]?.title).toBe("What is this?");
    expect(chat.answers[0]?.request?.messages).toEqual([sentQuestion]);

    chat.state().setStreamResponses(false);
    const sending = chat.state().send("And its colour?");
    await settle();
    expect(chat.completions[0]?.request.messages).toEqual([sentQuestion, { role: "assistant", content: "A cat." }, { role: "user", content: "And its colour?" }]);
    await chat.completions[0]?.resolve({ id: "answer-2", content: "Grey", model: "model-a", finish_reason: "length" });
    await sending;

    chat.state().setStreamResponses(true);
    const continuing = chat.state().continueAnswer();
    await settle();
    expect(chat.answers[1]?.request?.messages.at(0)).toEqual(sentQuestion);
    expect(chat.answers[1]?.request?.messages.at(-1)).toEqual({ role: "user", content: continueInstruction });
    await chat.answers[1]?.end();
    await continuing;
  });

  test.each([
    ["no longer stored", {}],
    ["in storage that cannot be read", "unreadable" as const],
  ])("an image %s is named in the text sent, and the question still goes", async (_case, images) => {
    const chat = createHarness({ images });
    await exchange(chat, question, "I cannot see it.");
    expect(chat.answers[0]?.request?.messages).toEqual([{ role: "user", content: [{ type: "text", text: 'What is this?\n\n[image "cat.jpg": no longer stored in this browser]' }] }]);
    expect(chat.message(-1)).toMatchObject({ status: "done", content: "I cannot see it." });
  });
});
