import { describe, expect, it } from 'vitest';
import { thinSamples } from '../../utils/spend-history/samples';
import { decodeSeries, type StoredSeries } from '../../utils/spend-history/stored';
import { seedSeries } from './seed-history.ts';

const NOW = new Date('2026-12-02T18:00:00Z');

describe('seedSeries', () => {
  it('is stored history the extension reads: 90 days, thinned as it thins, within the limit', () => {
    const stored: StoredSeries = seedSeries({ hash: 'a'.repeat(64), accountId: 'my-account', now: NOW });
    const samples = decodeSeries(stored);
    expect(samples[0]?.at).toBe(NOW.getTime() - 90 * 86_400_000);
    expect(samples.at(-1)?.at).toBe(NOW.getTime());
    expect(thinSamples(samples, NOW.getTime())).toEqual(samples);
    expect(samples.length).toBeGreaterThan(400);
    for (const s of samples) {
      expect(s.period).toBeGreaterThanOrEqual(0);
      expect(s.period ?? 0).toBeLessThanOrEqual(100);
      expect(s.remaining).toBeCloseTo(100 - (s.period ?? 0), 2);
    }
    // The month's spend starts over on the 1st.
    const firstOfDecember = samples.find((s) => s.at >= Date.UTC(2026, 11, 1));
    expect(firstOfDecember?.period).toBeLessThan(1);
  });
});
