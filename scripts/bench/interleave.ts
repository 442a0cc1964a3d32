// Paired measures: ours and the reference's taken one right after the other, sample by sample.
// Runs under plain `node`: erasable TypeScript only.

/**
 * Runs `ours` and `reference` once per sample, alternating which goes first, so that neither
 * always meets the machine right after the other has warmed (or loaded) it. Sample i of each list
 * was taken side by side: they are pairs.
 */
export async function interleaved<T>(
  samples: number,
  ours: (sample: number) => Promise<T>,
  reference: (sample: number) => Promise<T>,
): Promise<{ ours: T[]; reference: T[] }> {
  const result = { ours: [] as T[], reference: [] as T[] };
  for (let i = 0; i < samples; i++) {
    if (i % 2 === 0) {
      result.ours.push(await ours(i));
      result.reference.push(await reference(i));
    } else {
      result.reference.push(await reference(i));
      result.ours.push(await ours(i));
    }
  }
  return result;
}
