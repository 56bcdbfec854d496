/** One moment text was put on the screen: ms after Run, and how many characters were showing then. */
export interface ScreenSample {
  atMs: number;
  characters: number;
}

export type LaneName = "streaming" | "nonStreaming";

/** What a person got from one lane of one run. */
export interface LaneMetrics {
  /** When the first characters were on screen. */
  firstTokenMs?: number;
  /** A reasoning model's: when its first reasoning was on screen (before its first token, when streamed). */
  reasoningFirstMs?: number;
  /** When the whole answer was on screen. */
  totalMs?: number;
  characters: number;
  tokens?: number;
  /**
   * Streamed: tokens after the first over the time they took to appear (the
   * model's writing speed as seen). Not streamed: the whole answer over the
   * whole wait, the only speed such a reader can tell.
   */
  tokensPerSecond?: number;
}

/** Characters as a person counts them, closely enough: code points, so an emoji or a CJK character is one. */
export function countCharacters(text: string): number {
  let count = 0;
  // Each UTF-16 unit counts, except the second half of a surrogate pair.
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0xdc00 || unit > 0xdfff) count += 1;
  }
  return count;
}

export function laneMetrics(screen: readonly ScreenSample[], options: { streamed: boolean; tokens?: number; reasoningFirstMs?: number }): LaneMetrics {
  const first = screen.find((sample) => sample.characters > 0);
  const last = screen.at(-1);
  const { tokens, reasoningFirstMs } = options;
  const metrics: LaneMetrics = { characters: last?.characters ?? 0, firstTokenMs: first?.atMs, totalMs: last?.atMs, tokens, ...(reasoningFirstMs === undefined ? {} : { reasoningFirstMs }) };
  if (tokens === undefined || first === undefined || last === undefined) return metrics;
  // A reasoning model's tokens count its reasoning too: streamed, they were written from its reasoning's first.
  const seconds = (options.streamed ? last.atMs - Math.min(first.atMs, reasoningFirstMs ?? Infinity) : last.atMs) / 1000;
  const counted = options.streamed ? tokens - 1 : tokens;
  if (seconds > 0 && counted > 0) metrics.tokensPerSecond = counted / seconds;
  return metrics;
}

/** Median, lowest and highest of some runs' values. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  count: number;
}

export function spreadOf(values: ReadonlyArray<number | undefined>): Spread | undefined {
  const known = values.filter((value): value is number => value !== undefined && Number.isFinite(value)).sort((a, b) => a - b);
  if (known.length === 0) return undefined;
  const middle = Math.floor(known.length / 2);
  const median = known.length % 2 === 1 ? (known[middle] as number) : ((known[middle - 1] as number) + (known[middle] as number)) / 2;
  return { median, min: known[0] as number, max: known.at(-1) as number, count: known.length };
}
