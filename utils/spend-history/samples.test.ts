import { describe, expect, it } from 'vitest';
import { makeKey } from '@/test/fixtures/key';
import { sampleOf, thinSamples, withSample, type SpendSample } from './samples';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 2, 18, 0);

const sample = (at: number, total = 1): SpendSample => ({ at, total, period: 1, limit: 100, remaining: 99 });
/** A sample every `step` from `from` ms ago until now. */
const every = (step: number, from: number) =>
  Array.from({ length: Math.floor(from / step) + 1 }, (_, i) => sample(NOW - from + i * step, i));

describe('sampleOf', () => {
  it("keeps the figures, this period's spend toward the limit (BYOK when it counts), never a key", () => {
    const key = makeKey({
      limit_reset: 'weekly',
      include_byok_in_limit: true,
      usage_weekly: 12.3,
      byok_usage_weekly: 18.45,
    });
    const made = sampleOf(key, new Date(NOW));
    expect(made).toEqual({ at: NOW, total: 318.4, period: 30.75, limit: 100, remaining: 57.25 });
    expect(Object.keys(made).sort()).toEqual(['at', 'limit', 'period', 'remaining', 'total']);
  });

  it('has no period spend without a reset, and null for what the API did not say', () => {
    expect(sampleOf(makeKey({ limit_reset: null, usage: undefined, limit: null }), new Date(NOW))).toMatchObject({
      total: null,
      period: null,
      limit: null,
    });
  });
});

describe('thinSamples', () => {
  it('keeps every sample of the last 48 hours', () => {
    const recent = every(5 * MIN, 48 * HOUR);
    expect(thinSamples(recent, NOW)).toEqual(recent);
  });

  it('keeps the last sample of each UTC hour from 48 hours to 14 days', () => {
    const kept = thinSamples(every(5 * MIN, 14 * DAY), NOW);
    const older = kept.filter((s) => NOW - s.at > 48 * HOUR);
    // 12 days of hours; each the hour's last sample (at :55).
    expect(older).toHaveLength(12 * 24);
    expect(older.every((s) => new Date(s.at).getUTCMinutes() === 55)).toBe(true);
    expect(new Set(older.map((s) => Math.floor(s.at / HOUR))).size).toBe(older.length);
  });

  it('keeps the last sample of each UTC day from 14 to 90 days, and drops older ones', () => {
    const kept = thinSamples(every(30 * MIN, 100 * DAY), NOW);
    const daily = kept.filter((s) => NOW - s.at > 14 * DAY);
    expect(daily.every((s) => NOW - s.at <= 90 * DAY)).toBe(true);
    expect(new Set(daily.map((s) => Math.floor(s.at / DAY))).size).toBe(daily.length);
    // Each whole day keeps its last sample; the day 14 days back keeps its last one before the bound.
    const lastOfDay = (s: SpendSample) => new Date(s.at).getUTCHours() === 23 && new Date(s.at).getUTCMinutes() === 30;
    expect(daily.slice(0, -1).every(lastOfDay)).toBe(true);
    expect(daily.at(-1)?.at).toBe(NOW - 14 * DAY - 30 * MIN);
    expect(daily.length).toBeGreaterThanOrEqual(75);
    expect(daily.length).toBeLessThanOrEqual(77);
    expect(kept.length).toBe(kept.filter((s) => NOW - s.at <= 48 * HOUR).length + 12 * 24 + daily.length);
  });

  it('thinning again later keeps the same samples (fixed hours and days)', () => {
    const once = thinSamples(every(10 * MIN, 30 * DAY), NOW);
    const later = NOW + 30 * MIN;
    expect(thinSamples(thinSamples(once, later), later)).toEqual(thinSamples(once, later));
  });

  it('withSample keeps time order, and a sample at the same time replaces the one kept', () => {
    const list = [sample(NOW - 2 * HOUR), sample(NOW)];
    expect(withSample(list, sample(NOW - HOUR)).map((s) => s.at)).toEqual([NOW - 2 * HOUR, NOW - HOUR, NOW]);
    expect(withSample(list, sample(NOW, 7))).toEqual([sample(NOW - 2 * HOUR), sample(NOW, 7)]);
  });
});
