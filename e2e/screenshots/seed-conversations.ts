import type { PersistedChat } from "@/lib/store/chat";
import { mathAnswer } from "../../mock/markdown-texts";

// Written to at different times before the screenshot, so that the sidebar shows its groups (Today, Yesterday, ...).
const hour = 3_600_000;
const now = Date.now();
const ago = (hours: number) => now - hours * hour;

/** Saved chats with Japanese, Korean, English and emoji, a stopped answer and a long title: what screenshots should show. */
export const seedConversations: PersistedChat = {
  activeConversationId: "osaka",
  conversationIds: ["osaka", "seoul", "sse", "math", "long"],
  streamResponses: true,
  conversations: {
    osaka: { id: "osaka", title: "大阪で食べ歩き 🍜", titleEdited: false, createdAt: now, updatedAt: now, messageIds: ["o1", "o2", "o3", "o4"], settings: { systemPrompt: "" } },
    seoul: { id: "seoul", title: "서울 카페 추천 ☕", titleEdited: false, createdAt: ago(26), updatedAt: ago(26), messageIds: ["s1", "s2"], settings: { systemPrompt: "" } },
    sse: { id: "sse", title: "How does an SSE client reconnect?", titleEdited: false, createdAt: ago(80), updatedAt: ago(80), messageIds: ["e1", "e2"], settings: { systemPrompt: "" } },
    math: { id: "math", title: "The quadratic formula", titleEdited: false, createdAt: ago(300), updatedAt: ago(300), messageIds: ["m1", "m2"], settings: { systemPrompt: "" }, pinned: true },
    long: {
      id: "long",
      title: "A very long conversation title that has to be cut to fit in the sidebar",
      titleEdited: true,
      createdAt: ago(1200),
      updatedAt: ago(1200),
      messageIds: [],
      settings: { systemPrompt: "" },
    },
  },
  messages: {
    o1: { id: "o1", role: "user", status: "done", content: "大阪で2日間、食べ歩きをしたいです。おすすめのルートを教えて！🍜🐙" },
    o2: {
      id: "o2",
      role: "assistant",
      status: "done",
      model: "mock-model",
      finishReason: "stop",
      firstTokenMs: 412,
      totalMs: 5230,
      usage: { prompt_tokens: 38, completion_tokens: 184, total_tokens: 222 },
      content:
        "いいですね！2日間のモデルコースです 😋\n\n" +
        "1日目（ミナミ）\n・道頓堀でたこ焼き 🐙 と串カツ\n・黒門市場で海鮮の食べ比べ\n・夜は法善寺横丁でお好み焼き\n\n" +
        "2日目（キタ〜新世界）\n・朝は天満の市場で朝ごはん\n・新世界で串カツの二軒目 🍢\n・締めは551蓬莱の豚まん 🥟\n\n" +
        "한국어로도 정리해 드릴까요? Emoji too: 👨‍👩‍👧‍👦 🇯🇵 🎉",
    },
    o3: { id: "o3", role: "user", status: "done", content: "ありがとう！雨の日の代わりのプランもある？☔" },
    o4: { id: "o4", role: "assistant", status: "stopped", content: "雨の日なら、屋根のある商店街と地下街がおすすめです。天神橋筋商店街は日本一長い商店街で" },
    m1: { id: "m1", role: "user", status: "done", content: "How do I solve ax² + bx + c = 0?" },
    m2: {
      id: "m2",
      role: "assistant",
      status: "done",
      model: "mock-model",
      finishReason: "stop",
      // A reasoning model's: its reasoning folded above the answer.
      reasoning: "The person wants the roots of a quadratic. Completing the square gives the formula; then the discriminant says how many real roots.",
      reasoningMs: 9_400,
      content: mathAnswer,
    },
    s1: { id: "s1", role: "user", status: "done", content: "성수동에서 조용한 카페 추천해 줘 ☕" },
    s2: { id: "s2", role: "assistant", status: "done", content: "성수동의 조용한 카페 세 곳을 소개할게요. 🌿" },
    e1: { id: "e1", role: "user", status: "done", content: "How does an SSE client reconnect?" },
    e2: {
      id: "e2",
      role: "assistant",
      status: "error",
      content: "It sends the Last-Event-ID header with",
      error: { code: "rate_limited", message: "The model is getting too many requests right now.", retryable: true },
    },
  },
};
