/**
 * Tokens that carry their own send time, for the relay benchmark: the mock
 * writes `«tag:index:µs» ` where µs is `process.hrtime` (CLOCK_MONOTONIC, the
 * same clock in every process on the machine) taken just before the write.
 * A client that reads the token knows exactly which request and token it is
 * and when the upstream sent it; the relay passes the text on unchanged.
 * The guillemets are two bytes each in UTF-8, so a chunk cut mid-character
 * shows up as a broken token.
 */
export function stampedToken(tag: string, index: number, sentAtMicros = monotonicMicros()): string {
  return `«${tag}:${index}:${sentAtMicros}» `;
}

export interface Stamp {
  tag: string;
  index: number;
  sentAtMicros: number;
}

const stampPattern = /^«([\w-]+):(\d+):(\d+)» $/;

/** The stamp of one whole token, or undefined when `text` is anything else (a token cut, joined or changed). */
export function parseStampedToken(text: string): Stamp | undefined {
  const match = stampPattern.exec(text);
  if (!match) return undefined;
  return { tag: match[1] as string, index: Number(match[2]), sentAtMicros: Number(match[3]) };
}

/** Microseconds on the monotonic clock every process on this machine shares. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}
