import { describe, expect, test } from "vitest";
import { createHarness, exchange } from "@/lib/store/testing/chat-store-harness";
import { excerptAt, foldForSearch, searchConversations } from "@/lib/store/search-conversations";

async function chatsOf(...exchanges: [question: string, answer: string][]) {
  const chat = createHarness();
  for (const [question, answer] of exchanges) {
    chat.state().newConversation();
    await exchange(chat, question, answer);
  }
  const search = (query: string) => {
    const { conversationIds, conversations, messages } = chat.state();
    return searchConversations(query, conversationIds, conversations, messages);
  };
  const titleOf = (id: string) => chat.state().conversations[id]?.title;
  return { chat, search, titles: (query: string) => search(query).map((hit) => titleOf(hit.id)) };
}

describe("searching conversations", () => {
  test("finds a word in a title or in any message, newest first, and nothing for an empty query", async () => {
    const { titles } = await chatsOf(
      ["Plan a trip to Osaka", "Take the train from Tokyo."],
      ["Sourdough starter", "Feed it flour and water daily."],
      ["Trains in Japan", "The shinkansen is fast."],
    );
    expect(titles("osaka")).toEqual(["Plan a trip to Osaka"]);
    expect(titles("TRAIN")).toEqual(["Trains in Japan", "Plan a trip to Osaka"]);
    expect(titles("flour")).toEqual(["Sourdough starter"]);
    expect(titles("   ")).toEqual([]);
    expect(titles("bicycle")).toEqual([]);
  });

  test("a question's image is found by its name, and shown by name, not by its address in this browser", async () => {
    const { search, titles } = await chatsOf(["Which bird?\n\n![heron 鷺.jpg](streamchat-image:lm3-heron)", "A grey heron."]);
    expect(titles("streamchat")).toEqual([]);
    expect(titles("lm3")).toEqual([]);
    const [hit] = search("鷺");
    expect(`${hit?.excerpt?.before}${hit?.excerpt?.match}${hit?.excerpt?.after}`).toBe("…[image: heron 鷺.jpg]");
  });

  test("every word must be there, each anywhere in the conversation", async () => {
    const { titles } = await chatsOf(["Plan a trip to Osaka", "Take the train from Tokyo."], ["Trains in Japan", "The shinkansen is fast."]);
    expect(titles("osaka train")).toEqual(["Plan a trip to Osaka"]);
    expect(titles("osaka shinkansen")).toEqual([]);
  });

  test("Japanese, Korean and emoji are found as written, full-width and half-width forms and Latin accents alike", async () => {
    const { titles } = await chatsOf(
      ["大阪への旅行", "新幹線で二時間半です 🚄"],
      ["한국어 질문", "서울에서 부산까지 KTX로 갑니다."],
      ["Café menu", "ｶﾀｶﾅ and ＡＢＣ in one line."],
    );
    expect(titles("新幹線")).toEqual(["大阪への旅行"]);
    expect(titles("🚄")).toEqual(["大阪への旅行"]);
    expect(titles("부산")).toEqual(["한국어 질문"]);
    expect(titles("cafe")).toEqual(["Café menu"]);
    expect(titles("カタカナ abc")).toEqual(["Café menu"]);
    // The voicing marks of kana are meaning, not accents.
    expect(foldForSearch("が")).not.toBe(foldForSearch("か"));
  });

  test("a match in a message comes with the text around it, on one line; a match in the title with none", async () => {
    const { chat, search } = await chatsOf(["Bread", `${"Knead the dough well.\n\n".repeat(3)}Then let the sourdough rise overnight in a cool place, covered with a damp cloth so that it does not dry out.`]);
    const [hit] = search("SOURDOUGH");
    expect(hit?.excerpt?.match).toBe("sourdough");
    expect(chat.state().messages[hit?.excerpt?.messageId ?? ""]?.role).toBe("assistant");
    expect(hit?.excerpt?.before).toBe("…well. Then let the ");
    expect(hit?.excerpt?.after).toBe(" rise overnight in a cool place, covered with a damp cloth…");
    expect(search("bread")[0]).toEqual({ id: search("bread")[0]?.id });
  });

  test("an excerpt shows Markdown's marks as the text they mark, and a Japanese run without spaces is cut anywhere, not dropped", () => {
    const excerptOf = (text: string, query: string) => {
      const folded = foldForSearch(text);
      const at = folded.indexOf(foldForSearch(query));
      return excerptAt(text, folded, at, at + query.length);
    };
    expect(excerptOf("# Bread\n\n- Feed the **starter** with `flour` every day, and keep it somewhere warm until it doubles.", "starter")).toEqual({
      before: "…Bread Feed the ",
      match: "starter",
      after: " with flour every day, and keep it somewhere warm until…",
    });
    const japanese = "## ストリーミングとは\n\nモデルは答えを**一語ずつ**生成します。ストリーミングなしでは、最後の語が書かれるまで何も表示されません。見ている人は答えが育っていくのを読めます。";
    expect(excerptOf(japanese, "一語ずつ")).toEqual({
      before: "…ストリーミングとは モデルは答えを",
      match: "一語ずつ",
      after: "生成します。ストリーミングなしでは、最後の語が書かれるまで何も表示されません。見ている人は答えが育っていくのを読めま…",
    });
  });

  test("an excerpt is cut where folding changed the text's length, and never inside an emoji", () => {
    const text = "ＡＢＣ ﬁne ﬂour 🍞 for the loaf";
    const folded = foldForSearch(text);
    expect(folded.length).not.toBe(text.length);
    const start = folded.indexOf("flour");
    expect(excerptAt(text, folded, start, start + 5).match).toBe("ﬂour");
    const emoji = "🍞".repeat(40) + "loaf";
    const at = foldForSearch(emoji).indexOf("loaf");
    const { before } = excerptAt(emoji, foldForSearch(emoji), at, at + 4);
    expect(before).toBe(`…${"🍞".repeat(10)}`);
  });
});
