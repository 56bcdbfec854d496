import { describe, expect, test } from "vitest";
import { backupFileName, backupText, imageIdsOf, readBackup, withConversationsAdded, type AddedConversations } from "@/lib/store/chat-backup";
import { createHarness, exchange } from "@/lib/store/testing/chat-store-harness";
import { savedChatsText } from "@/lib/store/testing/saved-chats-text";
import { version1SavedChat } from "@/lib/store/testing/version-1-saved-chat";

const noChats = { conversations: {}, messages: {} };
const nothingAdded: AddedConversations = { conversations: {}, conversationIds: [], messages: {} };

describe("backups of every conversation", () => {
  test("a backup restored in another browser brings every conversation back, CJK and emoji exact, below those there", async () => {
    const from = createHarness({ idPrefix: "elsewhere" });
    await exchange(from, "Trip to 大阪 🍜", "新幹線 takes 2.5 h 🚄");
    from.state().newConversation();
    await exchange(from, "Second", "Answer two");
    const backup = backupText(from.state());

    const to = createHarness();
    await exchange(to, "Already here", "ok");
    const read = readBackup(backup, to.state());
    expect(read?.alreadyHere).toBe(0);
    to.store.setState((state) => withConversationsAdded(state, read?.added ?? nothingAdded));
    const { conversationIds, conversations, messages } = to.state();
    expect(conversationIds.map((id) => conversations[id]?.title)).toEqual(["Already here", "Second", "Trip to 大阪 🍜"]);
    const trip = conversations[conversationIds[2] ?? ""];
    expect(trip?.messageIds.map((id) => messages[id]?.content)).toEqual(["Trip to 大阪 🍜", "新幹線 takes 2.5 h 🚄"]);
  });

  test("the images the questions refer to go with the backup, and come back with the conversations that refer to them", async () => {
    const photo = "data:image/jpeg;base64,/9j/4AAQ";
    const from = createHarness({ idPrefix: "elsewhere" });
    await exchange(from, "What is this?\n\n![cat.jpg](streamchat-image:lm3-cat)", "A cat.");
    from.state().newConversation();
    await exchange(from, "And ![\"quoted\" 犬.png](streamchat-image:lm3-dog) and ![gone.png](streamchat-image:lm3-gone)", "A dog.");
    const ids = imageIdsOf(from.state());
    expect(ids.sort()).toEqual(["lm3-cat", "lm3-dog", "lm3-gone"]);
    // What this browser still has: the third is gone.
    const backup = backupText(from.state(), new Map([["lm3-cat", photo], ["lm3-dog", photo], ["lm3-not-referred-to", photo]]));
    expect(JSON.parse(backup).images).toEqual({ "lm3-cat": photo, "lm3-dog": photo, "lm3-not-referred-to": photo });

    const to = createHarness();
    expect(readBackup(backup, to.state())?.images).toEqual(new Map([["lm3-cat", photo], ["lm3-dog", photo]]));
    // Only images come back: anything else under `images` is left out.
    const tampered = JSON.stringify({ ...JSON.parse(backup), images: { "lm3-cat": "javascript:alert(1)", "lm3-dog": 42 } });
    expect(readBackup(tampered, to.state())?.images).toEqual(new Map());
    // Without images (a backup from before them), the conversations still come back.
    expect(readBackup(backupText(from.state()), to.state())?.added.conversationIds).toHaveLength(2);
  });

  test("restoring the same backup twice adds nothing the second time, and says how many were there", async () => {
    const chat = createHarness();
    await exchange(chat, "Only one", "ok");
    const backup = backupText(chat.state());
    const read = readBackup(backup, chat.state());
    expect(read).toEqual({ added: { conversations: {}, conversationIds: [], messages: {} }, alreadyHere: 1, images: new Map() });
    const before = chat.state().conversationIds;
    chat.store.setState((state) => withConversationsAdded(state, readBackup(backup, noChats)?.added ?? nothingAdded));
    expect(chat.state().conversationIds).toEqual(before);
  });

  test("an answer being written when the backup was made comes back as far as it went, stopped", () => {
    const text = savedChatsText([{ id: "open", title: "Open", questions: ["Go"], answer: "Half an ans" }]).replace('"status":"done","content":"Half an ans"', '"status":"streaming","content":"Half an ans"');
    const read = readBackup(text, noChats);
    expect(read?.added.messages["open-a0"]).toMatchObject({ content: "Half an ans", status: "stopped" });
  });

  test("an older version's saved chats are read through the migrations; anything else is refused", () => {
    const read = readBackup(JSON.stringify(version1SavedChat), noChats);
    expect(read?.added.conversationIds).toHaveLength(1);
    for (const text of ["", "not json", "{}", '{"state":{},"version":3}', '{"state":{},"version":99}', "[1,2]", "null"]) expect(readBackup(text, noChats)).toBeUndefined();
  });

  test("the file is named after the day", () => {
    expect(backupFileName(new Date("2026-12-05T10:00:00Z"))).toBe("streamchat-2026-12-05.json");
  });
});
