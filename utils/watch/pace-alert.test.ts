import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import { applyCheck, DEFAULT_ALERT_RULES, startWatching, UNCHECKED, type AlertRules, type WatchState } from './alerts';
import { describeWatch } from './words';

// A Thursday; the daily reset is at midnight UTC.
const MORNING = new Date('2026-11-26T06:00:00Z');
const NOON = new Date('2026-11-26T12:00:00Z');
const KEY: ApiKey = {
  hash: 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9',
  name: 'Backend',
  disabled: false,
  expires_at: null,
  limit: 100,
  limit_remaining: 90,
  limit_reset: 'daily',
  include_byok_in_limit: false,
  usage_daily: 10,
};
/** $`spent` of the daily $100 spent. */
const spent = (amount: number): ApiKey => ({ ...KEY, usage_daily: amount, limit_remaining: 100 - amount });
const check = (state: WatchState, key: ApiKey, now: Date, rules: AlertRules = DEFAULT_ALERT_RULES) =>
  applyCheck(state, { kind: 'found', key }, now, rules);

describe('the pace alert', () => {
  it('fires when the key is on pace to reach its limit before the reset, once in the period', () => {
    // $60 by noon: $5 an hour, the $40 left lasts 8 h, the reset is in 12 h.
    const first = check(UNCHECKED, spent(60), NOON);
    expect(first.alerts).toEqual([
      {
        kind: 'pace',
        period: '2026-11-27T00:00:00.000Z',
        text: 'On pace to reach its limit before the reset (in about 8 h)',
      },
    ]);
    // Still on pace an hour later, and after a calmer check in between: not again this period.
    const calm = check(first.state, spent(61), new Date('2026-11-26T13:00:00Z'));
    expect(calm.alerts).toEqual([]);
    const again = check(calm.state, spent(70), new Date('2026-11-26T14:00:00Z'));
    expect(again.alerts).toEqual([]);
    expect(again.state.raised).toEqual([{ kind: 'pace', period: '2026-11-27T00:00:00.000Z' }]);
  });

  it('fires again in the next period, once the one it was raised in has reset', () => {
    const today = check(UNCHECKED, spent(60), NOON).state;
    const tomorrow = check(today, spent(60), new Date('2026-11-27T12:00:00Z'));
    expect(tomorrow.alerts.map((a) => a.kind)).toEqual(['pace']);
  });

  it('does not fire for a calm key, too early in the period, or a limit already reached', () => {
    expect(check(UNCHECKED, spent(30), NOON).alerts).toEqual([]);
    expect(check(UNCHECKED, spent(5), new Date('2026-11-26T00:30:00Z')).alerts).toEqual([]);
    expect(check(UNCHECKED, spent(100), NOON).alerts.map((a) => a.kind)).toEqual(['spend']);
  });

  it('is off when the options turn it off', () => {
    const off = { ...DEFAULT_ALERT_RULES, pace: false };
    expect(check(UNCHECKED, spent(60), NOON, off).alerts).toEqual([]);
    expect(describeWatch(check(UNCHECKED, spent(60), NOON, off).state, NOON, off).attention).toEqual([]);
  });

  it('is no news for a key watched from a card that already showed it', () => {
    const watched = startWatching(spent(60), NOON);
    expect(check(watched, spent(62), new Date('2026-11-26T12:30:00Z')).alerts).toEqual([]);
  });

  it('needs attention in the list while the run-out is ahead of a reset still to come', () => {
    const { state } = check(UNCHECKED, spent(60), NOON);
    expect(describeWatch(state, NOON).attention).toEqual(['On pace to reach its limit before the reset']);
    expect(describeWatch(check(UNCHECKED, spent(20), MORNING).state, MORNING).attention).toEqual([]);
    // The check was yesterday: its period has reset, so nothing is said of it.
    expect(describeWatch(state, new Date('2026-11-27T01:00:00Z')).attention).toEqual([]);
  });
});
