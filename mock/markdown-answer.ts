/** The last line of every `documentAnswer`: a page shows the whole answer once this is on screen. */
export const documentAnswerEnd = "That is the whole answer.";

/**
 * A long markdown answer of the shape models write (headings, prose with inline
 * marks, lists, fenced code, a table, a quote), numbered sections repeated until
 * about `characters` long, then `documentAnswerEnd`. For the page benchmark.
 * With `formulas`, each section also has two formulas in a line and one
 * displayed, as models write them (\( \) and \[ \]).
 */
export function documentAnswer(characters: number, formulas = false): string {
  const sections: string[] = [];
  let length = 0;
  for (let index = 1; length < characters - documentAnswerEnd.length; index++) {
    const section = markdownSection(index) + (formulas ? formulaParagraph(index) : "");
    sections.push(section);
    length += section.length;
  }
  return `${sections.join("")}${documentAnswerEnd}\n`;
}

function markdownSection(index: number): string {
  return `## ${index}. Reading a stream without buffering

A reader gets **tokens** as they arrive, and \`flush()\` is never needed: each
event is written on its own. See [the spec](https://html.spec.whatwg.org/#server-sent-events) for *why*.

- Open the connection with \`fetch\`.
- Decode each chunk with a \`TextDecoder\` in streaming mode:
  - a character may be cut between two chunks;
  - a line may be, too.
- Stop when the server sends \`[DONE]\`.

\`\`\`ts
export async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of body) {
    pending += decoder.decode(chunk, { stream: true });
    const parts = pending.split("\\n");
    pending = parts.pop() ?? "";
    yield* parts; // section ${index}
  }
}
\`\`\`

1. Measure the time to first token.
2. Measure the gap between tokens.
3. Compare with step ${index - 1 || 1}.

| Setting | Value | Why |
| --- | ---: | --- |
| heartbeat | ${15 * index} s | proxies close quiet connections |
| timeout | ${30 + index} s | a stalled model ends the answer |

> A quote, because answers have them: *nothing waits behind a timer.*

\`\`\`python
def tokens(stream, section=${index}):
    for event in stream:
        if event.data != "[DONE]":
            yield event.data
\`\`\`

`;
}

function formulaParagraph(index: number): string {
  return `The rate is \\(r_{${index}} = \\frac{n}{t}\\) tokens a second, and the gap between two is \\(g = 1/r\\) on average:

\\[
\\bar{g}_{${index}} = \\frac{1}{n} \\sum_{k=1}^{n} \\left(t_k - t_{k-1}\\right) \\le \\sqrt{${index} + \\sigma^2}
\\]

`;
}
