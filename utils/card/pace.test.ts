import { describe, expect, it } from 'vitest';
import { projectPace, type Pace, type PaceKey } from './pace';

const HOUR = 3_600_000;

/** A key with a daily limit of $100, nothing spent, no BYOK: each case changes what it tests. */
const key = (fields: Partial<PaceKey>): PaceKey => ({
  limit: 100,
  limit_remaining: 100,
  limit_reset: 'daily',
  include_byok_in_limit: false,
  usage_daily: 0,
  usage_weekly: 0,
  usage_monthly: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
  ...fields,
});

const at = (iso: string) => new Date(iso);

/** The projection as plain values: times as ISO text, amounts to the cent. */
function plain(pace: Pace | null) {
  if (pace === null || pace.kind === 'reached') return pace;
  if (pace.kind !== 'projected') return { kind: pace.kind, resetAt: pace.resetAt.toISOString() };
  return {
    kind: pace.kind,
    period: pace.period,
    spent: Math.round(pace.spent * 100) / 100,
    projected: Math.round(pace.projected * 100) / 100,
    resetAt: pace.resetAt.toISOString(),
    runsOutAt: pace.runsOutAt?.toISOString() ?? null,
  };
}

const projected = (
  period: string,
  spent: number,
  projection: number,
  resetAt: string,
  runsOutAt: string | null = null,
) => ({ kind: 'projected', period, spent, projected: projection, resetAt, runsOutAt });

describe('projectPace', () => {
  it.each<[string, Partial<PaceKey>, string, unknown]>([
    // Each period. 2026-11-26 is a Thursday.
    [
      'daily, half the day gone, calm',
      { usage_daily: 40, limit_remaining: 60 },
      '2026-11-26T12:00:00Z',
      projected('daily', 40, 80, '2026-11-27T00:00:00.000Z'),
    ],
    [
      'daily, on pace to run out 8 h from noon',
      { usage_daily: 60, limit_remaining: 40 },
      '2026-11-26T12:00:00Z',
      projected('daily', 60, 120, '2026-11-27T00:00:00.000Z', '2026-11-26T20:00:00.000Z'),
    ],
    [
      'weekly, from Monday 00:00 UTC: 12 h of 168',
      { limit_reset: 'weekly', usage_weekly: 10, limit_remaining: 90 },
      '2026-11-30T12:00:00Z',
      projected('weekly', 10, 140, '2026-12-07T00:00:00.000Z', '2026-12-05T00:00:00.000Z'),
    ],
    [
      'weekly, Sunday night: 167 h of 168',
      { limit_reset: 'weekly', usage_weekly: 83.5, limit_remaining: 16.5 },
      '2026-12-06T23:00:00Z',
      projected('weekly', 83.5, 84, '2026-12-07T00:00:00.000Z'),
    ],
    [
      'monthly, February of 28 days: 14 days gone is half',
      { limit_reset: 'monthly', usage_monthly: 30, limit_remaining: 70 },
      '2026-02-15T00:00:00Z',
      projected('monthly', 30, 60, '2026-03-01T00:00:00.000Z'),
    ],
    [
      'monthly, February of 29 days (2028): 14.5 days gone is half',
      { limit_reset: 'monthly', usage_monthly: 30, limit_remaining: 70 },
      '2028-02-15T12:00:00Z',
      projected('monthly', 30, 60, '2028-03-01T00:00:00.000Z'),
    ],
    [
      'monthly, April of 30 days: 15 days gone is half',
      { limit_reset: 'monthly', usage_monthly: 30, limit_remaining: 70 },
      '2026-04-16T00:00:00Z',
      projected('monthly', 30, 60, '2026-05-01T00:00:00.000Z'),
    ],
    [
      'monthly, January of 31 days: 15.5 days gone is half; runs out on the 26th at 20:00',
      { limit_reset: 'monthly', usage_monthly: 60, limit_remaining: 40 },
      '2026-01-16T12:00:00Z',
      projected('monthly', 60, 120, '2026-02-01T00:00:00.000Z', '2026-01-26T20:00:00.000Z'),
    ],
    // BYOK: counted toward the limit when the API says it is.
    [
      'BYOK counted',
      {
        limit_reset: 'weekly',
        include_byok_in_limit: true,
        usage_weekly: 14,
        byok_usage_weekly: 14,
        limit_remaining: 22,
        limit: 50,
      },
      '2026-12-03T12:00:00Z',
      projected('weekly', 28, 56, '2026-12-07T00:00:00.000Z', '2026-12-06T06:00:00.000Z'),
    ],
    [
      'BYOK not counted',
      {
        limit_reset: 'weekly',
        include_byok_in_limit: false,
        usage_weekly: 14,
        byok_usage_weekly: 14,
        limit_remaining: 36,
        limit: 50,
      },
      '2026-12-03T12:00:00Z',
      projected('weekly', 14, 28, '2026-12-07T00:00:00.000Z'),
    ],
    [
      'BYOK counted but its figure unknown',
      { include_byok_in_limit: true, byok_usage_daily: undefined, usage_daily: 5 },
      '2026-11-26T12:00:00Z',
      null,
    ],
    ['whether BYOK counts unknown', { include_byok_in_limit: undefined, usage_daily: 5 }, '2026-11-26T12:00:00Z', null],
    // The API's remainder is trusted: limit − spend says $80 left, the API says $5.
    [
      'limit_remaining below limit − spend',
      { usage_daily: 20, limit_remaining: 5 },
      '2026-11-26T12:00:00Z',
      projected('daily', 20, 40, '2026-11-27T00:00:00.000Z', '2026-11-26T15:00:00.000Z'),
    ],
    [
      'limit_remaining above limit − spend',
      { usage_daily: 60, limit_remaining: 90 },
      '2026-11-26T12:00:00Z',
      projected('daily', 60, 120, '2026-11-27T00:00:00.000Z'),
    ],
    // Nothing to project.
    [
      'zero spend',
      { usage_daily: 0 },
      '2026-11-26T12:00:00Z',
      { kind: 'no_spend', resetAt: '2026-11-27T00:00:00.000Z' },
    ],
    [
      'the first minutes of a day',
      { usage_daily: 3, limit_remaining: 97 },
      '2026-11-26T00:10:00Z',
      { kind: 'too_early', resetAt: '2026-11-27T00:00:00.000Z' },
    ],
    [
      'the first day of a month (1.6 %)',
      { limit_reset: 'monthly', usage_monthly: 3, limit_remaining: 97 },
      '2026-12-01T12:00:00Z',
      { kind: 'too_early', resetAt: '2027-01-01T00:00:00.000Z' },
    ],
    [
      'Monday morning of a week (5 % is 8.4 h)',
      { limit_reset: 'weekly', usage_weekly: 3, limit_remaining: 97 },
      '2026-11-30T08:00:00Z',
      { kind: 'too_early', resetAt: '2026-12-07T00:00:00.000Z' },
    ],
    [
      'exactly 5 % of a day gone (01:12)',
      { usage_daily: 3, limit_remaining: 97 },
      '2026-11-26T01:12:00Z',
      projected('daily', 3, 60, '2026-11-27T00:00:00.000Z'),
    ],
    // A reset that has just passed: what the API still reports is not projected from 30 s.
    [
      'a reset 30 s ago',
      { usage_daily: 25, limit_remaining: 75 },
      '2026-11-27T00:00:30Z',
      { kind: 'too_early', resetAt: '2026-11-28T00:00:00.000Z' },
    ],
    [
      'at the reset itself',
      { usage_daily: 25, limit_remaining: 75 },
      '2026-11-27T00:00:00Z',
      { kind: 'too_early', resetAt: '2026-11-28T00:00:00.000Z' },
    ],
    ['the limit reached', { usage_daily: 100, limit_remaining: 0 }, '2026-11-26T12:00:00Z', { kind: 'reached' }],
    ['over the limit', { usage_daily: 103, limit_remaining: -3 }, '2026-11-26T12:00:00Z', { kind: 'reached' }],
    ['no limit', { limit: null, limit_remaining: null, usage_daily: 5 }, '2026-11-26T12:00:00Z', null],
    ['no reset', { limit_reset: null, usage_daily: 5 }, '2026-11-26T12:00:00Z', null],
    ['a reset period it does not know', { limit_reset: 'yearly', usage_daily: 5 }, '2026-11-26T12:00:00Z', null],
    ['a limit of $0', { limit: 0, limit_remaining: 0 }, '2026-11-26T12:00:00Z', null],
    ['the remainder unknown', { limit_remaining: undefined, usage_daily: 5 }, '2026-11-26T12:00:00Z', null],
    ["the period's usage unknown", { usage_daily: undefined }, '2026-11-26T12:00:00Z', null],
  ])('%s', (_, fields, now, expected) => {
    expect(plain(projectPace(key(fields), at(now)))).toEqual(expected);
  });

  it('runs out exactly at the reset: not before it, so no warning', () => {
    // $50 in 12 h with $50 left runs out at midnight, the reset itself.
    const pace = projectPace(key({ usage_daily: 50, limit_remaining: 50 }), at('2026-11-26T12:00:00Z'));
    expect(pace).toMatchObject({ kind: 'projected', projected: 100, runsOutAt: null });
  });

  it('a rate a minute after the 5 % mark is still a rate, not a wild figure', () => {
    const pace = projectPace(key({ usage_daily: 1, limit_remaining: 99 }), new Date(Date.UTC(2026, 10, 26, 1, 13)));
    expect(pace?.kind).toBe('projected');
    if (pace?.kind !== 'projected') return;
    expect(pace.projected).toBeCloseTo(24 / (73 / 60), 5);
    expect(pace.runsOutAt).toBeNull();
    expect(pace.resetAt.getTime() - Date.UTC(2026, 10, 26, 1, 13)).toBe(22 * HOUR + 47 * 60_000);
  });
});
