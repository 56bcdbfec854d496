/**
 * What the offline demo model says. It does not understand the question; it
 * picks the answer that suits the prompt best, so that a fresh clone shows
 * markdown, a code block, formulas and CJK text streaming in.
 */

const streamingExplained = `## What streaming changes

When a model answers, it writes **one token at a time**. Without streaming, the server waits until the last token is written and then sends the whole answer at once. With streaming, every token is sent the moment it exists.

| | first words on screen | whole answer |
|---|---|---|
| streaming | after ~0.4 s | after the model finishes |
| not streaming | after the model finishes | after the model finishes |

The total time is the same; what changes is **how long you stare at nothing**.

### How this app does it

1. The browser posts the conversation to \`/api/chat\`.
2. The route asks the model with \`stream: true\` and relays each delta as a Server-Sent Event.
3. The page decodes the events and appends the text as it arrives.

\`\`\`ts
const response = await fetch("/api/chat", {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ messages: [{ role: "user", content: "Hello" }] }),
});
for await (const event of decodeSse(response.body!)) {
  if (event.event === "delta") append(JSON.parse(event.data).content);
}
\`\`\`

Streaming works in every language: 日本語も한국어도 emoji 🎉 too.`;

const codeBlock = `\`\`\`ts
export async function* readEvents(response: Response): AsyncGenerator<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\\n\\n")) >= 0) {
      yield buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
    }
  }
}
\`\`\``;

/** The code answer, in the question's language (the code is the same). */
const codeExample = {
  english: `Here is a small TypeScript function that reads a stream of Server-Sent Events with \`fetch\`:

${codeBlock}

- \`TextDecoderStream\` keeps a character that is cut between two chunks whole.
- A blank line ends each event.
- In real code, use a parser such as **eventsource-parser**: it also handles \`\\r\\n\`, comments and multi-line data.`,
  japanese: `\`fetch\` で Server-Sent Events のストリームを読む、小さな TypeScript の関数です：

${codeBlock}

- \`TextDecoderStream\` は、2 つのチャンクにまたがって切れた文字も壊さずにつなぎます。
- 空行が 1 つのイベントの終わりです。
- 実際のコードでは **eventsource-parser** のようなパーサーを使いましょう。\`\\r\\n\`、コメント、複数行のデータも扱えます。`,
  korean: `\`fetch\`로 Server-Sent Events 스트림을 읽는 작은 TypeScript 함수입니다:

${codeBlock}

- \`TextDecoderStream\`은 두 청크 사이에서 잘린 글자도 깨지지 않게 이어 줍니다.
- 빈 줄이 각 이벤트의 끝입니다.
- 실제 코드에서는 **eventsource-parser** 같은 파서를 쓰세요. \`\\r\\n\`, 주석, 여러 줄 데이터도 처리합니다.`,
};

const roots = String.raw`\[
x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}
\]`;
const vieta = String.raw`$$
x_1 + x_2 = -\frac{b}{a}, \qquad x_1 x_2 = \frac{c}{a}
$$`;

/** The formula answer, in the question's language (the formulas are the same). */
const mathExample = {
  english: String.raw`## The quadratic formula

For \(ax^2 + bx + c = 0\) with \(a \ne 0\), the roots are

${roots}

The **discriminant** \(\Delta = b^2 - 4ac\) says how many real roots there are:

| \(\Delta\) | real roots |
|---|---|
| \(> 0\) | two |
| \(= 0\) | one |
| \(< 0\) | none (two complex ones) |

And the roots always satisfy Vieta's formulas:

${vieta}

Formulas are typeset with KaTeX once their end has arrived; a price such as $5 stays a price.`,
  japanese: String.raw`## 二次方程式の解の公式

\(a \ne 0\) のとき、\(ax^2 + bx + c = 0\) の解は

${roots}

**判別式** \(\Delta = b^2 - 4ac\) で、実数解がいくつあるかがわかります：

| \(\Delta\) | 実数解 |
|---|---|
| \(> 0\) | 2 つ |
| \(= 0\) | 1 つ |
| \(< 0\) | なし（複素数解が 2 つ） |

解と係数の関係（ヴィエタの公式）も必ず成り立ちます：

${vieta}

数式は終わりが届いてから KaTeX で組まれます。$5 のような値段は値段のままです。`,
  korean: String.raw`## 근의 공식

\(a \ne 0\)일 때 \(ax^2 + bx + c = 0\)의 근은

${roots}

**판별식** \(\Delta = b^2 - 4ac\)로 실근이 몇 개인지 알 수 있습니다:

| \(\Delta\) | 실근 |
|---|---|
| \(> 0\) | 2개 |
| \(= 0\) | 1개 |
| \(< 0\) | 없음 (복소근 2개) |

근과 계수의 관계(비에트 공식)도 항상 성립합니다:

${vieta}

수식은 끝이 도착한 뒤에 KaTeX로 조판됩니다. $5 같은 가격은 가격 그대로입니다.`,
};

const japanese = `## ストリーミングとは

モデルは答えを**一語ずつ**生成します。ストリーミングなしでは、最後の語が書かれるまで何も表示されません。ストリーミングでは、生成された語がすぐに画面に届きます。

- 最初の文字が出るまでの時間（TTFT）が短くなります
- 全体の時間は変わりません
- 待っている人は、答えが育っていくのを読めます

これはオフラインのデモモデルです。本物のモデルを使うには \`OPENAI_API_KEY\` を設定してください。🚀`;

const korean = `## 스트리밍이란

모델은 답을 **한 토큰씩** 만듭니다. 스트리밍이 없으면 마지막 토큰이 나올 때까지 아무것도 보이지 않습니다. 스트리밍을 쓰면 만들어진 토큰이 바로 화면에 나타납니다.

- 첫 글자가 보이기까지의 시간(TTFT)이 짧아집니다
- 전체 시간은 같습니다
- 기다리는 사람은 답이 자라는 것을 읽을 수 있습니다

이것은 오프라인 데모 모델입니다. 실제 모델을 쓰려면 \`OPENAI_API_KEY\`를 설정하세요. ✨`;

const greeting = `Hello! 👋 I am the **offline demo model** of streamchat. I don't call any real model: I answer from a few prepared texts, paced like a real model, so that you can watch streaming work.

Try asking me:
- *What is streaming?*
- *Show me some code*
- *Write a formula*
- *ストリーミングとは？* or *스트리밍이 뭐예요?*`;

function fallback(prompt: string): string {
  const quoted = prompt.length > 80 ? `${prompt.slice(0, 80)}…` : prompt;
  return `I am the **offline demo model**, so I can't really answer “${quoted}”.

What I can do is show you streaming: this text arrives token by token, the way a real model's answer does. Ask me *what streaming is*, or for *some code*.

To talk to a real model, stop the server and start it again with a key:

\`\`\`sh
OPENAI_API_KEY=sk-... npm run dev
\`\`\``;
}

/** How many characters of `text` the pattern (global) matches. */
const countOf = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * Korean or Japanese when the prompt is written in it, not when an English
 * prompt quotes a word of it ("…with 日本語 and an emoji"). A CJK character
 * says about as much as a short word, so each counts as three Latin letters.
 */
export function cjkLanguageOf(prompt: string): "korean" | "japanese" | undefined {
  const korean = countOf(prompt, /\p{Script=Hangul}/gu);
  const japanese = countOf(prompt, /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/gu);
  const latin = countOf(prompt, /\p{Script=Latin}/gu);
  if (Math.max(korean, japanese) * 3 < latin || korean + japanese === 0) return undefined;
  return korean >= japanese ? "korean" : "japanese";
}

export function demoAnswerFor(prompt: string): string {
  const lower = prompt.toLowerCase();
  const language = cjkLanguageOf(prompt) ?? "english";
  // Code and formulas in any of the three languages; in Japanese and Korean otherwise, what streaming is.
  if (/\b(code|typescript|javascript|example|function)\b|コード|코드/.test(lower)) return codeExample[language];
  if (/\b(math|formulas?|equations?|latex|quadratic)\b|数式|公式|方程式|수식|공식|방정식/.test(lower)) return mathExample[language];
  if (language === "korean") return korean;
  if (language === "japanese") return japanese;
  if (/\bstream/.test(lower) || /\bsse\b/.test(lower)) return streamingExplained;
  if (/^\s*(hi|hello|hey|good (morning|afternoon|evening))\b/.test(lower)) return greeting;
  return fallback(prompt.trim());
}

const imageAnswers = {
  english: (count: number) =>
    `I am the demo model, and I cannot see images: ${count === 1 ? "an image came" : `${count} images came`} with your message, but I only know a few answers by heart.

With an API key and a model that reads images (\`gpt-4.1-mini\` does), the answer here would say what ${count === 1 ? "it shows" : "they show"}. How to set one up is in the README, under *Talk to a real model*.`,
  japanese: (count: number) =>
    `わたしはデモモデルなので、画像は見えません。メッセージと一緒に画像が${count}枚届きましたが、答えられるのは決まった内容だけです。

API キーを設定して、画像を読めるモデル（\`gpt-4.1-mini\` など）を使えば、ここに画像の内容が書かれます。設定のしかたは README の「Talk to a real model」にあります。`,
  korean: (count: number) =>
    `저는 데모 모델이라 이미지를 볼 수 없습니다. 메시지와 함께 이미지 ${count}장이 왔지만, 정해진 답만 할 수 있습니다.

API 키를 설정하고 이미지를 읽는 모델(\`gpt-4.1-mini\` 등)을 쓰면, 여기에 이미지의 내용이 쓰입니다. 설정 방법은 README의 “Talk to a real model”에 있습니다.`,
};

/** The demo's answer to a question with images: it cannot see them, and says so in the question's language. */
export function demoImageAnswerFor(prompt: string, images: number): string {
  return imageAnswers[cjkLanguageOf(prompt) ?? "english"](images);
}

/**
 * Cuts text into token-sized pieces the way tokenizers roughly do: a word
 * with its leading space, long words in pieces, CJK a character or two at a
 * time. The `u` flag keeps every piece on code point boundaries.
 */
export function splitIntoTokens(text: string): string[] {
  return text.match(/ ?[\p{Script=Latin}\p{N}]{1,5}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{1,2}|\s+|./gsu) ?? [];
}
