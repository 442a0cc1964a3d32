// The few statistics the bench reports: quantiles over samples, and figures of paired samples
// (two measures taken one after the other, so that the machine's drift hits both alike).
// Runs under plain `node`: erasable TypeScript only.

/**
 * The q-quantile (0 to 1) of the finite values, interpolated linearly between the two nearest
 * (NumPy's default). NaN when no value is finite: a sample that failed is left out, not zero.
 */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? NaN) + ((sorted[high] ?? NaN) - (sorted[low] ?? NaN)) * (position - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The values that were measured: a stamp the page never set is null. */
export function defined(values: ReadonlyArray<number | null>): number[] {
  return values.filter((value): value is number => value !== null);
}

/** The time from one stamp to another, or null when either was never set. */
export function elapsed(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : to - from;
}

/** `a[i] ÷ b[i]` for each pair of samples. */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  return paired(a, b, (x, y) => x / y);
}

/** `a[i] − b[i]` for each pair of samples. */
export function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  return paired(a, b, (x, y) => x - y);
}

function paired(a: readonly number[], b: readonly number[], combine: (x: number, y: number) => number): number[] {
  // Lists of different lengths are not pairs: some sample went missing, and every later pair would be wrong.
  if (a.length !== b.length) throw new Error(`Paired samples differ in number: ${a.length} and ${b.length}`);
  return a.map((x, i) => combine(x, b[i] ?? NaN));
}

/**
 * The pairs in which both samples were measured, as two lists of the same length: a sample that
 * failed drops its partner too, so that the pairs left still belong together.
 */
export function measuredPairs(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>): [number[], number[]] {
  if (a.length !== b.length) throw new Error(`Paired samples differ in number: ${a.length} and ${b.length}`);
  const kept = a.flatMap((x, i) => {
    const y = b[i];
    return x === null || y === null || y === undefined ? [] : [[x, y] as const];
  });
  return [kept.map(([x]) => x), kept.map(([, y]) => y)];
}

/** How many samples are at most `bar`. */
export function countAtMost(values: readonly number[], bar: number): number {
  return values.filter((value) => value <= bar).length;
}
