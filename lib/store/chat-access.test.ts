import { describe, expect, test } from "vitest";
import { createHarness, exchange, settle } from "@/lib/store/testing/chat-store-harness";

describe("access codes, as the page lives them", () => {
  test("a 401 keeps the question, shows no failed answer, and asks for the code", async () => {
    const chat = createHarness();
    const sending = chat.state().send("Hello behind a lock");
    await settle();
    await chat.answers[0]?.fail(chat.refused());
    await sending;
    expect(chat.state().accessRequired).toBe(true);
    expect(chat.messageIds()).toHaveLength(1);
    expect(chat.message(-1)).toMatchObject({ role: "user", content: "Hello behind a lock" });
    expect(chat.answeringId()).toBeUndefined();
  });

  test("a wrong code is refused with a message for the form; the right one unlocks and sends the question again", async () => {
    const chat = createHarness();
    chat.access.sessionOpen = false;
    const sending = chat.state().send("Interrupted question");
    await settle();
    await chat.answers[0]?.fail(chat.refused());
    await sending;

    expect(await chat.state().unlock("wrong-code")).toBe("That access code is not right.");
    expect(chat.state().accessRequired).toBe(true);
    expect(chat.answers).toHaveLength(1);

    expect(await chat.state().unlock("  right-code ")).toBeUndefined();
    await settle();
    expect(chat.state().accessRequired).toBe(false);
    expect(chat.answers).toHaveLength(2);
    expect(chat.answers[1]?.request?.messages).toEqual([{ role: "user", content: "Interrupted question" }]);
    await chat.answers[1]?.send({ type: "delta", content: "Now it answers." }, { type: "finish", finish_reason: "stop" });
    await chat.answers[1]?.end();
    chat.runFrame();
    expect(chat.message(-1)).toMatchObject({ role: "assistant", content: "Now it answers.", status: "done" });
    expect(chat.state().models?.default).toBe("model-a");
  });

  test("Continue refused for want of a code keeps the answer it was to go on with; once unlocked, nothing is sent by itself", async () => {
    const chat = createHarness();
    await exchange(chat, "Tell me a story", "Once upon");
    chat.access.sessionOpen = false;
    const continuing = chat.state().continueAnswer();
    await settle();
    await chat.answers[1]?.fail(chat.refused());
    await continuing;
    expect(chat.state().accessRequired).toBe(true);
    expect(chat.messageIds()).toHaveLength(2);
    expect(chat.message(1)).toMatchObject({ role: "assistant", content: "Once upon", status: "stopped" });
    expect(await chat.state().unlock("right-code")).toBeUndefined();
    await settle();
    expect(chat.answers).toHaveLength(2);
    expect(chat.message(1)).toMatchObject({ content: "Once upon", status: "stopped" });
  });

  test("unlocking with nothing interrupted sends nothing", async () => {
    const chat = createHarness();
    chat.access.sessionOpen = false;
    await chat.state().loadModels();
    expect(chat.state().accessRequired).toBe(true);
    expect(await chat.state().unlock("right-code")).toBeUndefined();
    await settle();
    expect(chat.answers).toHaveLength(0);
    expect(chat.state().models).toBeDefined();
  });

  test("lock ends the session and shows the form again", async () => {
    const chat = createHarness();
    await chat.state().loadModels();
    expect(chat.state().accessRequired).toBe(false);
    await chat.state().lock();
    expect(chat.access.sessionOpen).toBe(false);
    expect(chat.state().accessRequired).toBe(true);
  });
});
