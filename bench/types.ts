/** One row of a benchmark's table. */
export type BenchRow = Record<string, string | number>;

/** What a benchmark returns: rows for the table and anything else worth keeping in the JSON. */
export interface BenchResult {
  rows: BenchRow[];
  [key: string]: unknown;
}

/** Options from the command line (`npm run bench -- collab --quick`). */
export interface BenchOptions {
  /** Shorter measuring windows, for a check that the benchmark works (figures are rougher). */
  quick: boolean;
}

/** A named benchmark. */
export interface Benchmark {
  description: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

/** Summarises samples as median, p95, min and max (in the samples' unit). */
export function summarise(samples: number[]): {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const round = (v: number): number => Math.round(v * 10) / 10;
  return {
    n: sorted.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}
