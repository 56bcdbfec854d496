import { describe, expect, test } from "vitest";
import { versionShown, versionsOf } from "@/lib/store/answer-versions";
import type { Message } from "@/lib/store/chat-types";

const answer = (content: string, more: Partial<Message> = {}): Message => ({ id: "a", role: "assistant", content, status: "done", ...more });

describe("versionsOf", () => {
  test("puts the version shown back where it was written, without what only the message has", () => {
    const message = answer("Two", { answerId: "x", lastEventId: "9", versions: [{ content: "One", status: "done" }, { content: "Three", status: "stopped" }], version: 1 });
    expect(versionsOf(message)).toEqual([
      { content: "One", status: "done" },
      { content: "Two", status: "done" },
      { content: "Three", status: "stopped" },
    ]);
  });

  test("an answer never regenerated is its only version", () => {
    expect(versionsOf(answer("Only", { model: "m" }))).toEqual([{ content: "Only", status: "done", model: "m" }]);
  });
});

describe("versionShown", () => {
  test("shows the chosen version in the message's place, the others kept in order", () => {
    const message = answer("Three", { versions: [{ content: "One", status: "done" }, { content: "Two", status: "done", reasoning: "Hmm." }] });
    expect(versionShown(message, 1)).toMatchObject({ id: "a", role: "assistant", content: "Two", reasoning: "Hmm.", version: 1, versions: [{ content: "One", status: "done" }, { content: "Three", status: "done" }] });
  });

  test("nothing for the version already shown, or one that does not exist", () => {
    const message = answer("Two", { versions: [{ content: "One", status: "done" }] });
    expect(versionShown(message, 1)).toBeUndefined();
    expect(versionShown(message, 2)).toBeUndefined();
    expect(versionShown(message, -1)).toBeUndefined();
  });
});
