import { describe, expect, test } from "vitest";
import { withBranchedConversation } from "@/lib/store/branch-conversation";
import type { ChatData } from "@/lib/store/chat-types";

const settings = { systemPrompt: "Be brief.", model: "model-b" };
const state: ChatData = {
  conversations: {
    trip: { id: "trip", title: "Trip", titleEdited: false, createdAt: 1, updatedAt: 2, messageIds: ["q1", "a1", "q2", "a2"], settings },
    other: { id: "other", title: "Other", titleEdited: false, createdAt: 1, updatedAt: 1, messageIds: [], settings: { systemPrompt: "" } },
  },
  conversationIds: ["trip", "other"],
  activeConversationId: "trip",
  messages: {
    q1: { id: "q1", role: "user", content: "Osaka? ![map](streamchat-image:m1)", status: "done", branches: [{ content: "Kyoto?", following: [] }], branch: 1 },
    a1: {
      id: "a1",
      role: "assistant",
      content: "Take the 新幹線.",
      status: "done",
      model: "model-b",
      answerId: "ans-1",
      lastEventId: "9",
      totalMs: 800,
      versions: [{ content: "Fly.", status: "done" }],
    },
    q2: { id: "q2", role: "user", content: "And back?", status: "done" },
    a2: { id: "a2", role: "assistant", content: "The same.", status: "done" },
  },
  streamResponses: true,
};

describe("Branch from here", () => {
  test("copies the conversation up to the answer, as shown, into a new conversation shown first; the original is as it was", () => {
    const branched = { ...state, ...withBranchedConversation(state, { conversationId: "trip", messageId: "a1", newId: "new", title: "Trip · branch", now: 50 }) };
    expect(branched.activeConversationId).toBe("new");
    expect(branched.conversationIds).toEqual(["new", "trip", "other"]);
    expect(branched.conversations.new).toEqual({ id: "new", title: "Trip · branch", titleEdited: true, createdAt: 50, updatedAt: 50, messageIds: ["new-0", "new-1"], settings });
    expect(branched.messages["new-0"]).toEqual({ id: "new-0", role: "user", content: "Osaka? ![map](streamchat-image:m1)", status: "done" });
    expect(branched.messages["new-1"]).toEqual({ id: "new-1", role: "assistant", content: "Take the 新幹線.", status: "done", model: "model-b", totalMs: 800 });
    expect(branched.conversations.trip).toBe(state.conversations.trip);
    for (const id of ["q1", "a1", "q2", "a2"]) expect(branched.messages[id]).toBe(state.messages[id]);
  });

  test("an answer or a conversation that is not there changes nothing", () => {
    expect(withBranchedConversation(state, { conversationId: "trip", messageId: "gone", newId: "new", title: "x", now: 1 })).toEqual({});
    expect(withBranchedConversation(state, { conversationId: "gone", messageId: "a1", newId: "new", title: "x", now: 1 })).toEqual({});
  });
});
