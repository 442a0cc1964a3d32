import { describe, expect, it } from 'vitest';
import { thinSamples, type SpendSample } from './samples';
import {
  BROWSER_QUOTA_BYTES,
  capHistory,
  decodeSeries,
  encodeSeries,
  HISTORY_CAP_BYTES,
  storedBytes,
  type StoredSeries,
} from './stored';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const NOW = Date.UTC(2026, 11, 2, 18, 0, 0);

/**
 * One key's samples for 90 days, every `step` in the last 48 hours and every 30 minutes before
 * (thinning keeps one an hour or a day of those, as of any shorter step): spend growing, the
 * month's spend starting over on the 1st.
 */
function ninetyDays(recentStep: number, seed: number): SpendSample[] {
  const samples: SpendSample[] = [];
  let total = 1000 + seed;
  let period = 0;
  const step = (at: number) => (at < NOW - 2 * DAY ? 30 * MIN : recentStep);
  for (let at = NOW - 90 * DAY; at <= NOW; at += step(at)) {
    const spend = ((seed * 7919 + at / MIN) % 97) / 100;
    total += spend;
    const previous = samples.at(-1);
    const newMonth = previous !== undefined && new Date(previous.at).getUTCMonth() !== new Date(at).getUTCMonth();
    period = newMonth ? spend : period + spend;
    samples.push({ at, total, period, limit: 1000, remaining: 1000 - period });
  }
  return samples;
}

const hashOf = (i: number) => i.toString(16).padStart(64, 'f');
const ACCOUNT = '3f2b6c1e-9a4d-4e7b-8c2f-1a5d6e7f8a9b';

/** 200 watched keys, 90 days each, as stored after thinning at `NOW`. */
function fill(step: number): StoredSeries[] {
  return Array.from({ length: 200 }, (_, i) =>
    encodeSeries({ hash: hashOf(i), accountId: ACCOUNT }, 'monthly', thinSamples(ninetyDays(step, i), NOW)),
  );
}

describe('the stored history', () => {
  it('decodes to what was encoded (times to the second, amounts to the cent)', () => {
    const samples: SpendSample[] = [
      { at: NOW - 3_600_000, total: 318.4, period: 42.75, limit: 100, remaining: 57.25 },
      { at: NOW, total: null, period: null, limit: null, remaining: null },
    ];
    const stored = encodeSeries({ hash: hashOf(1), accountId: ACCOUNT }, null, samples);
    expect(stored.t).toEqual([Math.round((NOW - 3_600_000) / 1000), 3600]);
    expect(stored.total).toEqual([31840, null]);
    expect(decodeSeries(stored)).toEqual(samples);
  });

  it(
    '200 keys × 90 days checked every 30 minutes stay under the cap and the browser quota',
    { timeout: 60_000 },
    () => {
      const history = fill(30 * MIN);
      const bytes = storedBytes(history);
      const samples = history.reduce((n, s) => n + s.t.length, 0);
      // eslint-disable-next-line no-console -- the figure the issue asks for, in the test run's output
      console.log(`200 keys × 90 days, a check every 30 min: ${samples} samples, ${bytes} bytes stored`);
      // 97 in the last 48 h (both ends), 288 hourly, 77 daily per key.
      expect(samples).toBe(200 * (97 + 288 + 77));
      expect(bytes).toBeLessThan(HISTORY_CAP_BYTES);
      expect(bytes).toBeLessThan(BROWSER_QUOTA_BYTES);
      expect(capHistory(history)).toBe(history);
      expect(JSON.stringify(history)).not.toMatch(/sk-/);
    },
  );

  it(
    'checked every 5 minutes, over the cap: the oldest samples go until it is under, the newest stay',
    { timeout: 60_000 },
    () => {
      const history = fill(5 * MIN);
      const before = storedBytes(history);
      const capped = capHistory(history);
      const after = storedBytes(capped);
      // eslint-disable-next-line no-console -- the figure the issue asks for, in the test run's output
      console.log(`200 keys × 90 days, a check every 5 min: ${before} bytes thinned, ${after} bytes capped`);
      expect(before).toBeGreaterThan(HISTORY_CAP_BYTES);
      // Cut to 90 % of the cap, so that the next writes have room.
      expect(after).toBeLessThanOrEqual(HISTORY_CAP_BYTES * 0.9);
      expect(after).toBeGreaterThan(HISTORY_CAP_BYTES * 0.8);
      for (const [i, series] of capped.entries()) {
        const kept = decodeSeries(series);
        const all = decodeSeries(history[i] as StoredSeries);
        // Every key keeps its newest sample, and what went is older than what stayed.
        expect(kept.at(-1)).toEqual(all.at(-1));
        expect(kept[0]?.at).toBeGreaterThan(all[0]?.at ?? 0);
      }
    },
  );

  it('a history of one key with a single sample is never emptied by the cap', () => {
    const one = [
      encodeSeries({ hash: hashOf(1), accountId: ACCOUNT }, null, [ninetyDays(DAY, 1).at(-1) as SpendSample]),
    ];
    expect(capHistory(one, 10)).toEqual(one);
  });
});
