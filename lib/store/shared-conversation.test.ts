import { describe, expect, test } from "vitest";
import type { ChatData } from "@/lib/store/chat-types";
import { sharedConversationOf, withSharedConversation } from "@/lib/store/shared-conversation";

const state: ChatData = {
  conversations: {
    trip: { id: "trip", title: "Trip", titleEdited: false, createdAt: 1, updatedAt: 2, messageIds: ["q1", "a1", "q2", "a2", "q3", "a3"], settings: { systemPrompt: "Be brief." } },
  },
  conversationIds: ["trip"],
  activeConversationId: "trip",
  messages: {
    q1: { id: "q1", role: "user", content: "Look ![map.png](streamchat-image:abc-123) here", status: "done" },
    a1: { id: "a1", role: "assistant", content: "A map of 大阪.", reasoning: "It shows Osaka.", model: "gpt-4.1-mini", status: "done", totalMs: 900, answerId: "x" },
    q2: { id: "q2", role: "user", content: "And the train?", status: "done" },
    a2: { id: "a2", role: "assistant", content: "", status: "error", error: { code: "network_error", message: "lost", retryable: true } },
    q3: { id: "q3", role: "user", content: "And the bus?", status: "done" },
    a3: { id: "a3", role: "assistant", content: "The bus takes", status: "streaming", answerId: "y" },
  },
  streamResponses: true,
};

describe("shared conversations", () => {
  test("a share takes the messages shown, text only: an image goes as its name, an answer with no text is left out, one being written goes as far as it went, stopped; nothing of how it ran", () => {
    expect(sharedConversationOf(state, "trip")).toEqual({
      title: "Trip",
      messages: [
        { role: "user", content: "Look [image: map.png] here" },
        { role: "assistant", content: "A map of 大阪.", reasoning: "It shows Osaka.", model: "gpt-4.1-mini" },
        { role: "user", content: "And the train?" },
        { role: "user", content: "And the bus?" },
        { role: "assistant", content: "The bus takes", stopped: true },
      ],
    });
    expect(sharedConversationOf(state, "gone")).toBeUndefined();
  });

  test("opened, it is added first and shown, this browser's own (an image reference only a name, a stopped answer stopped); the same link opened again shows that copy, another link makes another", () => {
    const shared = {
      title: "From a friend",
      messages: [
        { role: "user" as const, content: "Hi ![x](streamchat-image:abc)" },
        { role: "assistant" as const, content: "Hello!" },
        { role: "user" as const, content: "More?" },
        { role: "assistant" as const, content: "Well", stopped: true as const },
      ],
    };
    const added = { ...state, ...withSharedConversation(state, shared, "#share=abc", 5_000) };
    const id = added.activeConversationId ?? "";
    expect(added.conversationIds).toEqual([id, "trip"]);
    expect(added.conversations[id]).toMatchObject({ title: "From a friend", titleEdited: true, updatedAt: 5_000, settings: { systemPrompt: "" } });
    expect(added.conversations[id]?.messageIds.map((messageId) => added.messages[messageId])).toEqual([
      expect.objectContaining({ role: "user", content: "Hi [image: x]", status: "done" }),
      expect.objectContaining({ role: "assistant", content: "Hello!", status: "done" }),
      expect.objectContaining({ role: "user", content: "More?", status: "done" }),
      { id: expect.any(String), role: "assistant", content: "Well", status: "stopped" },
    ]);
    const switched = { ...added, activeConversationId: "trip" };
    expect(withSharedConversation(switched, shared, "#share=abc", 6_000)).toEqual({ activeConversationId: id });
    expect(withSharedConversation(switched, shared, "#share=abd", 6_000).activeConversationId).not.toBe(id);
  });
});
