import { describe, expect, test } from "vitest";
import { conversationMarkdown, markdownFileName } from "@/lib/store/conversation-markdown";
import type { Conversation, Message } from "@/lib/store/chat-types";

const labels = { untitled: "New chat", you: "You", assistant: "Assistant", systemPrompt: "System prompt", stopped: "Stopped.", reasoning: "Reasoning" };

function conversationOf(messages: Message[], change: Partial<Conversation> = {}): [Conversation, Record<string, Message>] {
  const conversation: Conversation = { id: "c", title: "Trip to 大阪 🍜", titleEdited: false, createdAt: 0, updatedAt: 0, messageIds: messages.map(({ id }) => id), settings: { systemPrompt: "" }, ...change };
  return [conversation, Object.fromEntries(messages.map((message) => [message.id, message]))];
}

describe("a conversation as Markdown", () => {
  test("its title, then each message under who wrote it, answers as written, CJK and emoji exact", () => {
    const [conversation, messages] = conversationOf([
      { id: "q", role: "user", status: "done", content: "How long is the train? 🚄" },
      { id: "a", role: "assistant", status: "done", model: "gpt-4o-mini", content: "The **新幹線** takes 2.5 h.\n\n- Tokyo\n- 大阪\n" },
    ]);
    expect(conversationMarkdown(conversation, messages, labels)).toBe(
      "# Trip to 大阪 🍜\n\n### You\n\nHow long is the train? 🚄\n\n### Assistant · gpt-4o-mini\n\nThe **新幹線** takes 2.5 h.\n\n- Tokyo\n- 大阪\n",
    );
  });

  test("the system prompt quoted, a stopped answer and a failed one marked, an untitled conversation named", () => {
    const [conversation, messages] = conversationOf(
      [
        { id: "q", role: "user", status: "done", content: "Go on" },
        { id: "a", role: "assistant", status: "stopped", content: "Partial" },
        { id: "q2", role: "user", status: "done", content: "Again" },
        { id: "a2", role: "assistant", status: "error", content: "Half", error: { code: "upstream_unavailable", message: "The model stopped answering.", retryable: true } },
      ],
      { title: "", settings: { systemPrompt: "Be brief.\nUse lists." } },
    );
    expect(conversationMarkdown(conversation, messages, labels)).toBe(
      "# New chat\n\n> **System prompt:** Be brief.\n> Use lists.\n\n### You\n\nGo on\n\n### Assistant\n\nPartial\n\n*Stopped.*\n\n### You\n\nAgain\n\n### Assistant\n\nHalf\n\n*The model stopped answering.*\n",
    );
  });

  test("a reasoning model's reasoning comes folded before its answer", () => {
    const [conversation, messages] = conversationOf([
      { id: "q", role: "user", status: "done", content: "2 + 2?" },
      { id: "a", role: "assistant", status: "done", reasoning: "\nAdd them: **4**.\n", content: "4" },
    ]);
    expect(conversationMarkdown(conversation, messages, labels)).toBe(
      "# Trip to 大阪 🍜\n\n### You\n\n2 + 2?\n\n### Assistant\n\n<details>\n<summary>Reasoning</summary>\n\nAdd them: **4**.\n\n</details>\n\n4\n",
    );
  });

  test("a file name without the characters file systems refuse, cut on a whole character, never empty", () => {
    expect(markdownFileName("Trip to 大阪 🍜", "New chat")).toBe("Trip to 大阪 🍜.md");
    expect(markdownFileName('a/b\\c: "d"?*<e>|\u0007', "New chat")).toBe("a b c d e.md");
    expect(markdownFileName("...hidden", "New chat")).toBe("hidden.md");
    expect(markdownFileName("  ", "New chat")).toBe("New chat.md");
    expect(markdownFileName("🍜".repeat(100), "x")).toBe(`${"🍜".repeat(80)}.md`);
  });
});
