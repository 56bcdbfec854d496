import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Codes are compared as HMACs under a key of this process: equal lengths, so
// timingSafeEqual applies, and nothing about a code's length leaks either.
const comparisonKey = randomBytes(32);

function digest(text: string): Buffer {
  return createHmac("sha256", comparisonKey).update(text, "utf8").digest();
}

/**
 * The access code that `candidate` is, or undefined. Every code is compared,
 * in constant time each, whether or not an earlier one matched.
 */
export function matchAccessCode(candidate: string, codes: readonly string[]): string | undefined {
  const candidateDigest = digest(candidate);
  let matched: string | undefined;
  for (const code of codes) {
    if (timingSafeEqual(candidateDigest, digest(code)) && matched === undefined) matched = code;
  }
  return matched;
}
