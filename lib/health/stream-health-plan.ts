import * as z from "@/lib/chat/zod";

/**
 * What `GET /api/health/stream` sends, shared by the server that sends it and
 * the browser that checks it: a `hello` with the schedule, `ticks` ticks
 * `intervalMs` apart (each with the server's own clock), an SSE comment
 * halfway between ticks (the heartbeat), a UTF-8 probe, then `data: [DONE]`.
 * A browser that sees the ticks arrive as far apart as they were sent is
 * really being streamed to; one that sees them all at once is behind a buffer.
 */
export const streamHealthPlan = {
  intervalMs: 200,
  ticks: 10,
} as const;

/**
 * Text that breaks when something between the server and the browser
 * re-encodes it or decodes chunks on their own: CJK, Hangul, emoji with a
 * skin tone and a zero-width-joined family, a flag, combining marks, and
 * characters of two, three and four bytes in UTF-8.
 */
export const utf8Probe = "日本語 한국어 中文 · 👋🏽 👨‍👩‍👧‍👦 🇯🇵 · e\u0301 n\u0303 Å · ß € 𠮷 ✓";

/** Where the server cuts the probe's bytes in two writes: inside the first four-byte character, on purpose. */
export function probeCutIndex(bytes: Uint8Array): number {
  const fourByteStart = bytes.findIndex((byte) => byte >= 0xf0);
  return fourByteStart < 0 ? Math.floor(bytes.length / 2) : fourByteStart + 2;
}

/** When each write happens, in milliseconds after the response starts. */
export interface StreamHealthStep {
  atMs: number;
  kind: "tick" | "heartbeat";
  sequence: number;
}

export function streamHealthSchedule(plan: { intervalMs: number; ticks: number } = streamHealthPlan): StreamHealthStep[] {
  const steps: StreamHealthStep[] = [];
  for (let sequence = 0; sequence < plan.ticks; sequence += 1) {
    steps.push({ atMs: sequence * plan.intervalMs, kind: "tick", sequence });
    // A heartbeat between every two ticks: the comments a proxy must pass on to keep a quiet stream open.
    if (sequence < plan.ticks - 1) steps.push({ atMs: sequence * plan.intervalMs + plan.intervalMs / 2, kind: "heartbeat", sequence });
  }
  return steps;
}

export const helloSchema = z.object({
  interval_ms: z.number().positive(),
  ticks: z.number().int().positive(),
  heartbeats: z.number().int().nonnegative(),
});
export type StreamHealthHello = z.infer<typeof helloSchema>;

export const tickSchema = z.object({ sequence: z.number().int().nonnegative(), server_ms: z.number().nonnegative() });
export type StreamHealthTick = z.infer<typeof tickSchema>;

export const probeSchema = z.object({ text: z.string() });

export function helloFor(plan: { intervalMs: number; ticks: number } = streamHealthPlan): StreamHealthHello {
  const heartbeats = streamHealthSchedule(plan).filter((step) => step.kind === "heartbeat").length;
  return { interval_ms: plan.intervalMs, ticks: plan.ticks, heartbeats };
}
