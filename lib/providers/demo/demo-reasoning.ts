/**
 * What the demo's reasoning preset thinks before it answers: a few lines
 * about the question, so that a fresh clone shows reasoning streamed before
 * an answer (as DeepSeek, Qwen or gpt-oss send it through their servers)
 * without a key. Like the answers, it does not understand the question.
 */
export function demoReasoningFor(prompt: string): string {
  const question = prompt.trim().replace(/\s+/g, " ");
  const quoted = question.length > 80 ? `${question.slice(0, 79).trimEnd()}…` : question;
  return [
    `The question is “${quoted}”. What would help most?`,
    "First, an answer that starts soon and reads well while it is written: short paragraphs, a heading, a list where there are steps.",
    "Second, the details people check: exact text (日本語, 한국어, emoji 🎉), code that runs, numbers that add up.",
    "I am the offline demo model, so I pick the answer that suits the question best from the ones I know. Done thinking; answering now.",
  ].join("\n\n");
}
