import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import {
  applyCheck,
  normalizeThresholds,
  startWatching,
  UNCHECKED,
  type AlertRules,
  type CheckResult,
  type RaisedAlert,
  type WatchState,
} from './alerts';

// A Thursday.
const NOW = new Date('2026-11-26T14:05:00Z');
const KEY: ApiKey = {
  hash: 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9',
  name: 'Backend',
  disabled: false,
  expires_at: null,
  limit: 100,
  limit_remaining: 90,
  limit_reset: 'monthly',
  usage: 1234,
  usage_monthly: 10,
};
const found = (key: Partial<ApiKey> = {}): CheckResult => ({ kind: 'found', key: { ...KEY, ...key } });
/** A key at `percent` of its limit of $100. */
const at = (percent: number, key: Partial<ApiKey> = {}) => found({ limit_remaining: 100 - percent, ...key });
/** The words of the alerts a sequence of checks raises, one list per check. */
function alertsOf(checks: [CheckResult, string | Date][], rules?: AlertRules, from: WatchState = UNCHECKED) {
  let state = from;
  return checks.map(([check, when]) => {
    const result = applyCheck(state, check, new Date(when), rules);
    state = result.state;
    return result.alerts.map((alert) => alert.text);
  });
}

describe('spend thresholds', () => {
  it.each<[string | null, number, string[], RaisedAlert[]]>([
    ['daily', 79.99, [], []],
    ['daily', 80, ['80% of limit used'], [{ kind: 'spend', threshold: 80, period: '2026-11-27T00:00:00.000Z' }]],
    ['daily', 85, ['85% of limit used'], [{ kind: 'spend', threshold: 80, period: '2026-11-27T00:00:00.000Z' }]],
    [
      'daily',
      100,
      ['100% of limit used'],
      [
        { kind: 'spend', threshold: 80, period: '2026-11-27T00:00:00.000Z' },
        { kind: 'spend', threshold: 100, period: '2026-11-27T00:00:00.000Z' },
      ],
    ],
    ['weekly', 90, ['90% of limit used'], [{ kind: 'spend', threshold: 80, period: '2026-11-30T00:00:00.000Z' }]],
    ['monthly', 99.9, ['99% of limit used'], [{ kind: 'spend', threshold: 80, period: '2026-12-01T00:00:00.000Z' }]],
    [null, 120, ['120% of limit used'], ['80', '100'].map((t) => ({ kind: 'spend', threshold: +t, period: 'once' }))],
    ['yearly', 85, ['85% of limit used'], [{ kind: 'spend', threshold: 80, period: 'once' }]],
  ])('reset %j at %s%% raises %j', (limitReset, percent, texts, raised) => {
    const { state, alerts } = applyCheck(UNCHECKED, at(percent, { limit_reset: limitReset }), NOW);
    expect(alerts.map((alert) => alert.text)).toEqual(texts);
    expect(state.raised).toEqual(raised);
  });

  it.each<[string, Partial<ApiKey>]>([
    ['no limit', { limit: null, limit_remaining: null }],
    ['an unknown limit', { limit: undefined, limit_remaining: 0 }],
    ['an unknown remainder', { limit_remaining: undefined }],
  ])('raises nothing for %s', (_, key) => {
    expect(applyCheck(UNCHECKED, found(key), NOW).alerts).toEqual([]);
  });

  it('alerts each threshold once in a period, then the next one when it is crossed', () => {
    const t = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
    expect(
      alertsOf([
        [at(50), t(0)],
        [at(85), t(1)],
        [at(85), t(2)],
        [at(95), t(3)],
        [at(100), t(4)],
        [at(100), t(5)],
      ]),
    ).toEqual([[], ['85% of limit used'], [], [], ['100% of limit used'], []]);
  });

  it.each<[string | null, string, string, string[][]]>([
    // reset, a check late in the same period, the first check of the next one
    ['daily', '2026-11-26T23:59:59Z', '2026-11-27T00:00:00Z', [['85% of limit used'], [], ['85% of limit used']]],
    ['weekly', '2026-11-29T23:59:59Z', '2026-11-30T00:00:00Z', [['85% of limit used'], [], ['85% of limit used']]],
    ['monthly', '2026-11-30T23:59:59Z', '2026-12-01T00:00:00Z', [['85% of limit used'], [], ['85% of limit used']]],
    [null, '2026-11-30T23:59:59Z', '2027-11-26T00:00:00Z', [['85% of limit used'], [], []]],
  ])('with a %j limit alerts again only after the reset', (limitReset, samePeriod, nextPeriod, expected) => {
    const check = at(85, { limit_reset: limitReset });
    expect(
      alertsOf([
        [check, NOW],
        [check, samePeriod],
        [check, nextPeriod],
      ]),
    ).toEqual(expected);
  });

  it('forgets the thresholds of a period that has reset', () => {
    const first = applyCheck(UNCHECKED, at(100, { limit_reset: 'daily' }), NOW).state;
    const next = applyCheck(first, at(10, { limit_reset: 'daily' }), new Date('2026-11-27T09:00:00Z')).state;
    expect(next.raised).toEqual([]);
  });

  it('takes other thresholds', () => {
    const rules: AlertRules = { thresholds: [90, 50, 75], warningDays: 7 };
    expect(
      alertsOf(
        [
          [at(60), NOW],
          [at(80), NOW],
          [at(95), NOW],
        ],
        rules,
      ),
    ).toEqual([['60% of limit used'], ['80% of limit used'], ['95% of limit used']]);
  });
});

describe('expiry, disabled and gone', () => {
  const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000 + 60_000).toISOString();
  it.each<[string, [CheckResult, string | Date][], string[][]]>([
    [
      'expiring in 2 days, checked twice',
      [
        [found({ expires_at: inDays(2) }), NOW],
        [found({ expires_at: inDays(2) }), NOW],
      ],
      [['Expires in 2 days'], []],
    ],
    ['expiring in 8 days', [[found({ expires_at: inDays(8) }), NOW]], [[]]],
    [
      'expiring in 8 days, checked a day and then a day and a half later',
      [
        [found({ expires_at: inDays(8) }), NOW],
        // Exactly 7 days left is not yet "soon", as on the card's badge.
        [found({ expires_at: inDays(8) }), inDays(1)],
        [found({ expires_at: inDays(8) }), inDays(1.5)],
      ],
      [[], [], ['Expires in 6 days']],
    ],
    ['already expired', [[found({ expires_at: '2026-11-01T00:00:00Z' }), NOW]], [['Expired']]],
    [
      'expiring soon, then expired: one alert',
      [
        [found({ expires_at: inDays(1) }), NOW],
        [found({ expires_at: inDays(1) }), inDays(2)],
      ],
      [['Expires in 1 day'], []],
    ],
    [
      'extended to a date still soon',
      [
        [found({ expires_at: inDays(1) }), NOW],
        [found({ expires_at: inDays(5) }), NOW],
      ],
      [['Expires in 1 day'], ['Expires in 5 days']],
    ],
    ['an unreadable expiry', [[found({ expires_at: 'soon' }), NOW]], [[]]],
    [
      'disabled, twice',
      [
        [found({ disabled: true }), NOW],
        [found({ disabled: true }), NOW],
      ],
      [['Disabled'], []],
    ],
    [
      'disabled, then unknown, then disabled',
      [
        [found({ disabled: true }), NOW],
        [found({ disabled: undefined }), NOW],
        [found({ disabled: true }), NOW],
      ],
      [['Disabled'], [], []],
    ],
    [
      'disabled, enabled, disabled again',
      [
        [found({ disabled: true }), NOW],
        [found(), NOW],
        [found({ disabled: true }), NOW],
      ],
      [['Disabled'], [], ['Disabled']],
    ],
    [
      'gone, twice',
      [
        [{ kind: 'not_found' }, NOW],
        [{ kind: 'not_found' }, NOW],
      ],
      [['No longer exists'], []],
    ],
    [
      'gone, back, gone again',
      [
        [{ kind: 'not_found' }, NOW],
        [found(), NOW],
        [{ kind: 'not_found' }, NOW],
      ],
      [['No longer exists'], [], ['No longer exists']],
    ],
    [
      'disabled, expiring and at its limit at once',
      [[at(100, { disabled: true, expires_at: inDays(3) }), NOW]],
      [['Disabled', 'Expires in 3 days', '100% of limit used']],
    ],
  ])('%s', (_, checks, expected) => {
    expect(alertsOf(checks)).toEqual(expected);
  });

  it('takes the warning window', () => {
    const check = found({ expires_at: inDays(10) });
    expect(alertsOf([[check, NOW]], { thresholds: [80, 100], warningDays: 14 })).toEqual([['Expires in 10 days']]);
  });
});

describe('a failed check', () => {
  const watched = applyCheck(UNCHECKED, at(50), NOW).state;

  it('keeps the last good state, says when it was tried, and raises nothing', () => {
    const { state, alerts } = applyCheck(watched, { kind: 'failed' }, new Date('2026-11-26T15:00:00Z'));
    expect(alerts).toEqual([]);
    expect(state).toEqual({ ...watched, failedAt: '2026-11-26T15:00:00.000Z' });
  });

  it.each<[string, WatchState]>([
    ['before any check', UNCHECKED],
    ['of a key at its limit', applyCheck(UNCHECKED, at(50), NOW).state],
    ['of a gone key', applyCheck(UNCHECKED, { kind: 'not_found' }, NOW).state],
  ])('never alerts, %s', (_, state) => {
    expect(applyCheck(state, { kind: 'failed' }, NOW).alerts).toEqual([]);
  });

  it('is cleared by the next answer', () => {
    const failed = applyCheck(watched, { kind: 'failed' }, NOW).state;
    expect(applyCheck(failed, at(50), NOW).state.failedAt).toBeNull();
  });
});

describe('the stored state', () => {
  it('keeps no usage figures beyond what the list shows (this period’s, for the projection), and never a key', () => {
    const { state } = applyCheck(UNCHECKED, found({ label: 'sk-mg-v1-f01…ce9' }), NOW);
    expect(state.key).toEqual({
      hash: KEY.hash,
      name: 'Backend',
      disabled: false,
      expires_at: null,
      limit: 100,
      limit_remaining: 90,
      limit_reset: 'monthly',
      include_byok_in_limit: undefined,
      usage_daily: undefined,
      usage_weekly: undefined,
      usage_monthly: 10,
      byok_usage_daily: undefined,
      byok_usage_weekly: undefined,
      byok_usage_monthly: undefined,
    });
  });

  it('survives a restart: read back from storage, it raises nothing again', () => {
    const first = applyCheck(UNCHECKED, at(100, { disabled: true }), NOW);
    expect(first.alerts).toHaveLength(2);
    const stored = JSON.parse(JSON.stringify(first.state)) as WatchState;
    expect(applyCheck(stored, at(100, { disabled: true }), NOW).alerts).toEqual([]);
  });

  it('starts watching with what the card shows as known: only what changes alerts', () => {
    const state = startWatching({ ...KEY, limit_remaining: 15, disabled: true }, NOW);
    expect(applyCheck(state, at(85, { disabled: true }), NOW).alerts).toEqual([]);
    expect(applyCheck(state, at(100, { disabled: true }), NOW).alerts.map((a) => a.text)).toEqual([
      '100% of limit used',
    ]);
  });
});

describe('normalizeThresholds', () => {
  it.each<[number[], number[]]>([
    [
      [80, 100],
      [80, 100],
    ],
    [
      [100, 80, 80],
      [80, 100],
    ],
    [
      [0, 1, 50.5, 100, 101, Number.NaN, -5],
      [1, 100],
    ],
    [[], []],
  ])('%j becomes %j', (input, expected) => {
    expect(normalizeThresholds(input)).toEqual(expected);
  });
});
