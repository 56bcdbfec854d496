import OpenAI from "openai";

/**
 * The baseline the relay is measured against: a route written the way most
 * tutorials write it (the openai SDK's stream, one `data:` line per delta,
 * enqueued into a ReadableStream). One client for the module, as those
 * tutorials have it, so the comparison is with the common form, not a
 * strawman. It has none of the relay's duties (heartbeat, watchdogs, abort
 * on disconnect, outcome line): whatever it saves by that, the relay must
 * still beat it on CPU.
 *
 * It ships only in benchmark builds: `app/api/bench/naive/route.bench.ts`
 * re-exports it, and Next routes `*.bench.ts` only when next.config.ts sees
 * `STREAMCHAT_BENCH=1` at build time.
 */
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, baseURL: process.env.OPENAI_BASE_URL, maxRetries: 0 });
const encoder = new TextEncoder();

export async function POST(request: Request): Promise<Response> {
  const { messages, model } = (await request.json()) as { messages: OpenAI.ChatCompletionMessageParam[]; model?: string };
  const completion = await openai.chat.completions.create({ model: model ?? process.env.OPENAI_MODEL ?? "gpt-4.1-mini", messages, stream: true });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const chunk of completion) {
        const content = chunk.choices[0]?.delta?.content;
        if (content) controller.enqueue(encoder.encode(`data: ${JSON.stringify({ content })}\n\n`));
      }
      controller.enqueue(encoder.encode("data: [DONE]\n\n"));
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform" } });
}
