import * as z from "@/lib/chat/zod";

/**
 * The protocol's SSE events (shared/PROTOCOL.md) as one discriminated union.
 * The SSE `event:` name is `type`; the `data:` JSON is everything else.
 * The same schemas check the events on both sides.
 */
export const usageSchema = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
  total_tokens: z.number().int().nonnegative(),
});
export type Usage = z.infer<typeof usageSchema>;

export const chatEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start"), id: z.string(), model: z.string() }),
  z.object({ type: z.literal("delta"), content: z.string() }),
  // Added to the protocol: what a reasoning model writes before its answer (its `reasoning_content` or `reasoning`),
  // in as many events as it came in, before the first `delta` (some models think again later: then between deltas).
  z.object({ type: z.literal("reasoning"), content: z.string() }),
  usageSchema.extend({ type: z.literal("usage") }),
  z.object({ type: z.literal("finish"), finish_reason: z.string() }),
  z.object({
    type: z.literal("error"),
    code: z.string(),
    message: z.string(),
    retryable: z.boolean(),
    // Added to the protocol: seconds to wait before retrying, when known.
    retry_after: z.number().nonnegative().optional(),
    // Added to the protocol: why the upstream refused, when the person can act on it (lib/server/upstream-refusal.ts).
    reason: z.string().optional(),
  }),
]);

export type ChatEvent = z.infer<typeof chatEventSchema>;
export type ChatEventType = ChatEvent["type"];
export type ChatEventOf<T extends ChatEventType> = Extract<ChatEvent, { type: T }>;

export { doneSentinel } from "@/lib/chat/event-readers";
