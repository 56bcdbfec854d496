import { describe, expect, test } from "vitest";
import { speechLanguageOf } from "@/lib/ui/speech-language";

describe("speechLanguageOf", () => {
  test.each([
    ["Streaming sends each token as it is written.", "en", "en"],
    ["Streaming sends each token as it is written.", "ja", "en"],
    ["ストリーミングでは、トークンが書かれるたびに送られます。", "en", "ja"],
    ["스트리밍은 토큰이 쓰일 때마다 보냅니다.", "en", "ko"],
    ["流式传输在每个词元写出时就发送。", "en", "zh"],
    // Mostly English with a few CJK words in it: English.
    ["Streaming works in every language: 日本語も한국어도 emoji 🎉 too, said in a long English sentence.", "ko", "en"],
    ["🎉 123", "ja", "ja"],
  ] as const)("%s on a %s page → %s", (text, locale, language) => {
    expect(speechLanguageOf(text, locale)).toBe(language);
  });
});
