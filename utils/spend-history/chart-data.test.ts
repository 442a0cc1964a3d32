import { describe, expect, it } from 'vitest';
import { chartData, resetsBetween, sampleWords, tableRows } from './chart-data';
import type { SpendSample } from './samples';

const at = (iso: string) => Date.parse(iso);
const s = (iso: string, fields: Partial<SpendSample> = {}): SpendSample => ({
  at: at(iso),
  total: 300,
  period: 40,
  limit: 100,
  remaining: 60,
  ...fields,
});

describe('chartData', () => {
  it('with a limit: what is used of it (the API’s remaining), the limit line, and the resets between', () => {
    const data = chartData(
      [
        s('2026-11-29T12:00:00Z'),
        s('2026-11-30T06:00:00Z', { remaining: 95 }),
        s('2026-12-01T18:00:00Z', { remaining: 55 }),
      ],
      'daily',
    );
    expect(data).toEqual({
      label: 'Used of the limit',
      x: [at('2026-11-29T12:00:00Z') / 1000, at('2026-11-30T06:00:00Z') / 1000, at('2026-12-01T18:00:00Z') / 1000],
      y: [40, 5, 45],
      limit: [100, 100, 100],
      resets: [at('2026-11-30T00:00:00Z') / 1000, at('2026-12-01T00:00:00Z') / 1000],
    });
  });

  it('weekly resets fall on Mondays, monthly on the 1st', () => {
    const from = at('2026-11-20T00:00:00Z');
    const to = at('2026-12-20T00:00:00Z');
    const iso = (list: number[]) => list.map((t) => new Date(t * 1000).toISOString().slice(0, 10));
    expect(iso(resetsBetween(from, to, 'weekly'))).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14']);
    expect(iso(resetsBetween(from, to, 'monthly'))).toEqual(['2026-12-01']);
    expect(resetsBetween(from, to, null)).toEqual([]);
  });

  it('without a limit: the spend in all, no limit line', () => {
    const data = chartData([s('2026-11-29T12:00:00Z', { limit: null, remaining: null, total: 12.5 })], null);
    expect(data).toMatchObject({ label: 'Spent in all', y: [12.5], limit: null, resets: [] });
  });
});

describe('words', () => {
  it('say each point for the readout', () => {
    expect(sampleWords(s('2026-12-01T14:00:00Z'))).toBe(
      'Dec 1, 2026, 14:00 UTC: $40.00 used of the $100.00 limit, $300.00 spent in all',
    );
    expect(sampleWords(s('2026-12-01T14:00:00Z', { limit: null, total: null }))).toBe(
      'Dec 1, 2026, 14:00 UTC: unknown spent in all',
    );
  });

  it('list the table newest first', () => {
    const rows = tableRows([s('2026-12-01T14:00:00Z'), s('2026-12-01T15:00:00Z', { remaining: 50, period: 50 })]);
    expect(rows.map((r) => [r.when, r.used, r.limit, r.remaining, r.period, r.total])).toEqual([
      ['Dec 1, 2026, 15:00 UTC', '$50.00', '$100.00', '$50.00', '$50.00', '$300.00'],
      ['Dec 1, 2026, 14:00 UTC', '$40.00', '$100.00', '$60.00', '$40.00', '$300.00'],
    ]);
  });
});
