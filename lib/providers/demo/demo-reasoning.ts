import { cjkLanguageOf } from "@/lib/providers/demo/demo-answers";

/**
 * What the demo's reasoning preset thinks before it answers: a few lines
 * about the question, in its language as the answers are, so that a fresh
 * clone shows reasoning streamed before an answer (as DeepSeek, Qwen or
 * gpt-oss send it through their servers) without a key. Like the answers,
 * it does not understand the question.
 */
export function demoReasoningFor(prompt: string): string {
  const question = prompt.trim().replace(/\s+/g, " ");
  const quoted = question.length > 80 ? `${question.slice(0, 79).trimEnd()}…` : question;
  const language = cjkLanguageOf(prompt);
  if (language === "japanese") {
    return [
      `質問は「${quoted}」。何がいちばん役に立つだろう？`,
      "まず、すぐに始まって、書かれている途中でも読みやすい答え。短い段落、見出し、手順があれば箇条書き。",
      "次に、読む人が確かめる細部。正確な文字（日本語、한국어、絵文字 🎉）、動くコード、合う数字。",
      "わたしはオフラインのデモモデルなので、知っている答えの中から質問にいちばん合うものを選ぶ。考えるのはここまで、答えます。",
    ].join("\n\n");
  }
  if (language === "korean") {
    return [
      `질문은 "${quoted}". 무엇이 가장 도움이 될까?`,
      "먼저, 바로 시작되고 쓰이는 도중에도 읽기 쉬운 답. 짧은 문단, 제목, 단계가 있으면 목록.",
      "다음으로, 읽는 사람이 확인하는 세부. 정확한 글자(日本語, 한국어, 이모지 🎉), 돌아가는 코드, 맞는 숫자.",
      "나는 오프라인 데모 모델이라서, 아는 답 가운데 질문에 가장 맞는 것을 고른다. 생각은 여기까지, 답하겠다.",
    ].join("\n\n");
  }
  return [
    `The question is “${quoted}”. What would help most?`,
    "First, an answer that starts soon and reads well while it is written: short paragraphs, a heading, a list where there are steps.",
    "Second, the details people check: exact text (日本語, 한국어, emoji 🎉), code that runs, numbers that add up.",
    "I am the offline demo model, so I pick the answer that suits the question best from the ones I know. Done thinking; answering now.",
  ].join("\n\n");
}
