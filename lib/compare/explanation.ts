/**
 * The page's plain-language explanation of what the person just saw, in the
 * languages the app speaks. Pure text: the page picks the locale (see
 * components/compare/use-explanation-locale.ts).
 */

export const explanationLocales = ["en", "ja", "ko"] as const;
export type ExplanationLocale = (typeof explanationLocales)[number];

/** What one comparison showed, in ms after Run; medians when there were several runs. */
export interface ComparisonFacts {
  streamingFirstMs: number;
  streamingTotalMs: number;
  wholeTotalMs: number;
  runs: number;
  /** The streamed answer's chunks all came off the network at once (see `arrivedInOneBurst`). */
  streamedInOneBurst: boolean;
  /** A reasoning model's: when the streamed lane first showed its reasoning (before its first token). */
  streamingReasoningMs?: number;
}

/**
 * Whether many chunks arrived at practically the same moment: what a buffering
 * proxy does to a stream. A model does not write twenty tokens in 30 ms; a
 * proxy that lets a held stream go delivers them in one read.
 */
export function arrivedInOneBurst(arrivals: readonly number[]): boolean {
  const first = arrivals[0];
  const last = arrivals.at(-1);
  return first !== undefined && last !== undefined && arrivals.length >= 20 && last - first < 30;
}

interface Texts {
  heading: string;
  intro: string;
  seconds(ms: number): string;
  saw(facts: ComparisonFacts, s: (ms: number) => string): string;
  sameTotal(saved: string): string;
  sooner(saved: string): string;
  buffered: string;
  medians(facts: ComparisonFacts, s: (ms: number) => string): string;
  /** `at`: when the streamed reasoning showed; `before`: how long before the answer's first words. */
  reasoning(at: string, before: string): string;
}

const oneDecimal = (ms: number) => (ms / 1000).toFixed(1);

const texts: Record<ExplanationLocale, Texts> = {
  en: {
    heading: "What you just saw",
    intro:
      "Run sends your prompt twice at the same moment. One answer is streamed: each piece is shown as soon as the model writes it. The other is not: the server waits for the whole answer, then sends it at once. The chart draws how many characters are on screen over time.",
    seconds: (ms) => `${oneDecimal(ms)} s`,
    saw: (facts, s) =>
      `The streamed answer began to appear after ${s(facts.streamingFirstMs)} and was complete after ${s(facts.streamingTotalMs)}. The other showed nothing for ${s(facts.wholeTotalMs)}, then appeared all at once.`,
    sameTotal: (saved) =>
      `Both took about as long: streaming does not make the model faster. What it changes is the wait. You could start reading ${saved} sooner, and you could see all along that something was happening.`,
    sooner: (saved) => `With streaming you could start reading ${saved} sooner.`,
    buffered:
      "The streamed answer arrived almost all at once, so something between the server and this browser may be holding it back. The stream health check below can tell what.",
    medians: (facts, s) =>
      `Over ${facts.runs} runs, the median wait for the first words was ${s(facts.streamingFirstMs)} with streaming and ${s(facts.wholeTotalMs)} without.`,
    reasoning: (at, before) =>
      `This model reasons before it answers. Streamed, its reasoning was on screen after ${at}, ${before} before the answer's first words: you could watch it think. Without streaming, the reasoning came only with the whole answer.`,
  },
  ja: {
    heading: "いま見たこと",
    intro:
      "Run を押すと、同じ質問を同時に2回送ります。片方はストリーミングで、モデルが書いた部分をすぐに表示します。もう片方はストリーミングなしで、サーバーが答え全体を待ってから一度に送ります。グラフは、画面に出ている文字数が時間とともにどう増えるかを示します。",
    seconds: (ms) => `${oneDecimal(ms)}秒`,
    saw: (facts, s) =>
      `ストリーミングの答えは${s(facts.streamingFirstMs)}後に表示され始め、${s(facts.streamingTotalMs)}後に完成しました。もう片方は${s(facts.wholeTotalMs)}のあいだ何も表示されず、そのあと一度に現れました。`,
    sameTotal: (saved) =>
      `かかった時間はほぼ同じです。ストリーミングでモデルが速くなるわけではありません。変わるのは待ち方です。${saved}早く読み始められ、そのあいだずっと何かが進んでいることが見えます。`,
    sooner: (saved) => `ストリーミングなら${saved}早く読み始められました。`,
    buffered:
      "ストリーミングの答えがほぼ一度に届きました。サーバーとこのブラウザの間の何かが、ストリームを止めているのかもしれません。下のストリーム診断（Stream health）で原因を調べられます。",
    medians: (facts, s) =>
      `${facts.runs}回の実行で、最初の文字が出るまでの時間の中央値は、ストリーミングありで${s(facts.streamingFirstMs)}、なしで${s(facts.wholeTotalMs)}でした。`,
    reasoning: (at, before) =>
      `このモデルは答える前に推論します。ストリーミングでは推論が${at}後に表示され、答えの最初の文字より${before}早く、考えている様子が見えました。ストリーミングなしでは、推論は答え全体と一緒に届くだけでした。`,
  },
  ko: {
    heading: "방금 본 것",
    intro:
      "Run 버튼을 누르면 같은 질문을 동시에 두 번 보냅니다. 한쪽은 스트리밍으로, 모델이 쓴 부분을 바로 보여 줍니다. 다른 쪽은 스트리밍 없이, 서버가 답 전체를 기다렸다가 한 번에 보냅니다. 그래프는 화면에 보이는 글자 수가 시간에 따라 어떻게 늘어나는지 보여 줍니다.",
    seconds: (ms) => `${oneDecimal(ms)}초`,
    saw: (facts, s) =>
      `스트리밍 답변은 ${s(facts.streamingFirstMs)} 뒤에 나타나기 시작해 ${s(facts.streamingTotalMs)} 뒤에 완성되었습니다. 다른 쪽은 ${s(facts.wholeTotalMs)} 동안 아무것도 보이지 않다가 한꺼번에 나타났습니다.`,
    sameTotal: (saved) =>
      `걸린 시간은 거의 같습니다. 스트리밍이 모델을 빠르게 만드는 것은 아닙니다. 달라지는 것은 기다림입니다. ${saved} 먼저 읽기 시작할 수 있고, 그동안 무언가가 진행되고 있다는 것을 계속 볼 수 있습니다.`,
    sooner: (saved) => `스트리밍으로는 ${saved} 먼저 읽기 시작할 수 있었습니다.`,
    buffered:
      "스트리밍 답변이 거의 한꺼번에 도착했습니다. 서버와 이 브라우저 사이의 무언가가 스트림을 붙잡고 있을 수 있습니다. 아래의 스트림 점검(Stream health)으로 원인을 확인할 수 있습니다.",
    medians: (facts, s) =>
      `${facts.runs}번 실행에서 첫 글자가 보이기까지 걸린 시간의 중앙값은 스트리밍 ${s(facts.streamingFirstMs)}, 비스트리밍 ${s(facts.wholeTotalMs)}였습니다.`,
    reasoning: (at, before) =>
      `이 모델은 답하기 전에 추론합니다. 스트리밍에서는 추론이 ${at} 뒤에 화면에 나타나 답의 첫 글자보다 ${before} 먼저, 생각하는 과정을 볼 수 있었습니다. 스트리밍 없이는 추론이 답 전체와 함께 올 뿐이었습니다.`,
  },
};

export function introText(locale: ExplanationLocale): string {
  return texts[locale].intro;
}

export function explanationHeading(locale: ExplanationLocale): string {
  return texts[locale].heading;
}

/** Totals within this share of each other count as "about as long". */
const sameTotalShare = 0.2;

/** A few short paragraphs that say what the comparison showed. */
export function explainComparison(locale: ExplanationLocale, facts: ComparisonFacts): string[] {
  const text = texts[locale];
  const saved = facts.wholeTotalMs - facts.streamingFirstMs;
  const paragraphs = [text.saw(facts, text.seconds)];
  const { streamingReasoningMs: reasoningMs } = facts;
  if (reasoningMs !== undefined && reasoningMs < facts.streamingFirstMs) {
    paragraphs.push(text.reasoning(text.seconds(reasoningMs), text.seconds(facts.streamingFirstMs - reasoningMs)));
  }
  if (facts.streamedInOneBurst) paragraphs.push(text.buffered);
  else if (Math.abs(facts.wholeTotalMs - facts.streamingTotalMs) <= sameTotalShare * Math.max(facts.wholeTotalMs, facts.streamingTotalMs)) {
    paragraphs.push(text.sameTotal(text.seconds(saved)));
  } else if (saved > 0) paragraphs.push(text.sooner(text.seconds(saved)));
  if (facts.runs > 1) paragraphs.push(text.medians(facts, text.seconds));
  return paragraphs;
}
