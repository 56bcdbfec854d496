import type { Locale } from "@/lib/i18n/locales";

/*
 * What an empty chat offers to ask, in every language: one click sends it,
 * so the first thing a visitor sees is an answer streaming. Each shows one
 * thing the page does (prose, highlighted code, typeset formulas, another
 * script), and the offline demo model answers each, in its language, with
 * the answer that shows it. Not in the page's dictionaries: the suggestions
 * are a chunk of their own.
 */

export interface Suggestion {
  /** What it shows, in two or three words. */
  title: string;
  /** What is sent. */
  prompt: string;
}

export interface SuggestionTexts {
  /** The group's name, for screen readers. */
  label: string;
  suggestions: readonly Suggestion[];
}

const en: SuggestionTexts = {
  label: "Suggestions",
  suggestions: [
    { title: "Explain streaming", prompt: "What does streaming change for someone waiting for an answer?" },
    { title: "Show some code", prompt: "Show me a TypeScript example of reading a stream of events." },
    { title: "Typeset a formula", prompt: "Derive the quadratic formula, with the math typeset." },
    { title: "Answer in Japanese", prompt: "ストリーミングとは何ですか？短く説明してください。" },
  ],
};

const ja: SuggestionTexts = {
  label: "質問の例",
  suggestions: [
    { title: "ストリーミングとは", prompt: "ストリーミングとは何ですか？待っている人にとって何が変わりますか？" },
    { title: "コードを見る", prompt: "TypeScript でイベントのストリームを読むコード例を見せてください。" },
    { title: "数式を組む", prompt: "二次方程式の解の公式を、数式を使って導いてください。" },
    { title: "英語で答える", prompt: "What does streaming change for someone waiting for an answer?" },
  ],
};

const ko: SuggestionTexts = {
  label: "질문 예시",
  suggestions: [
    { title: "스트리밍이란", prompt: "스트리밍이 뭐예요? 기다리는 사람에게 무엇이 달라지나요?" },
    { title: "코드 보기", prompt: "TypeScript로 이벤트 스트림을 읽는 코드 예시를 보여 주세요." },
    { title: "수식 조판", prompt: "이차방정식의 근의 공식을 수식으로 유도해 주세요." },
    { title: "영어로 답하기", prompt: "What does streaming change for someone waiting for an answer?" },
  ],
};

export const suggestionTexts: Record<Locale, SuggestionTexts> = { en, ja, ko };
