/** The value below which `fraction` of `sorted` lies (nearest rank). `sorted` must be ascending. */
export function percentile(sorted: ArrayLike<number>, fraction: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

/** A copy of `values`, ascending, in a typed array (sorted numerically, and compact for 100,000 lags). */
export function sortedCopy(values: Iterable<number>): Float64Array {
  return Float64Array.from(values).sort();
}
