// Percentiles of latency samples (nearest-rank), shared by the simulator's summary and the bench.

/** The p-th percentile (0 < p ≤ 100) by nearest rank; NaN when there are no samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const sortNumbers = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);
