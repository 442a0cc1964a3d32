import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import { deriveBadges, EXPIRY_WARNING_DAYS, type Badge } from './badges';

const NOW = new Date('2026-11-26T14:05:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const inMs = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

const KEY: ApiKey = {
  hash: 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9',
  name: 'Production',
  label: 'sk-mg-v1-f01…ce9',
  disabled: false,
  expires_at: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: null,
  creator_user_id: 'user_1',
  workspace_id: 'ws_1',
  limit: 100,
  limit_remaining: 40,
  limit_reset: 'monthly',
  include_byok_in_limit: false,
  usage: 60,
  usage_daily: 1,
  usage_weekly: 5,
  usage_monthly: 60,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
};

/** What a user reads and what a component keys on: "id: text [tone] (tooltip)". */
const seen = (badges: Badge[]) => badges.map((b) => `${b.id}: ${b.text} [${b.tone}]${b.title ? ` (${b.title})` : ''}`);

const ACTIVE = 'active: Active [ok]';
const NO_EXPIRY = 'no_expiry: No expiry [neutral]';
const DISABLED = 'disabled: Disabled [danger]';
const STATUS_UNKNOWN = 'status_unknown: Status unknown [neutral]';
const LIMIT_REACHED = 'limit_reached: Limit reached [danger]';

describe('deriveBadges', () => {
  it.each<[string, Partial<ApiKey>, string[]]>([
    ['an enabled key without expiry', {}, [ACTIVE, NO_EXPIRY]],
    ['a disabled key', { disabled: true }, [DISABLED, NO_EXPIRY]],
    ['an unknown disabled flag', { disabled: undefined }, [STATUS_UNKNOWN, NO_EXPIRY]],
    [
      'an expired enabled key',
      { expires_at: '2026-11-26T14:04:00Z' },
      ['expired: Expired [danger] (Expired Nov 26, 2026, 14:04 UTC)'],
    ],
    [
      'a key expiring this very moment',
      { expires_at: inMs(0) },
      ['expired: Expired [danger] (Expired Nov 26, 2026, 14:05 UTC)'],
    ],
    [
      'an expired disabled key',
      { disabled: true, expires_at: '2025-01-01T00:00:00Z' },
      [DISABLED, 'expired: Expired [danger] (Expired Jan 1, 2025, 00:00 UTC)'],
    ],
    [
      'an expired key with unknown status',
      { disabled: undefined, expires_at: '2025-01-01T00:00:00Z' },
      [STATUS_UNKNOWN, 'expired: Expired [danger] (Expired Jan 1, 2025, 00:00 UTC)'],
    ],
    ['a missing expiry', { expires_at: undefined }, [ACTIVE, 'expiry_unknown: Expiry unknown [neutral]']],
    ['an unreadable expiry', { expires_at: 'next Tuesday' }, [ACTIVE, 'expiry_unknown: Expiry unknown [neutral]']],
    ['no remaining limit', { limit_remaining: 0 }, [ACTIVE, NO_EXPIRY, LIMIT_REACHED]],
    [
      'an overdrawn limit, disabled and expiring',
      { limit_remaining: -0.5, disabled: true, expires_at: inMs(2 * DAY) },
      [DISABLED, 'expires_soon: Expires in 2 days [warning] (Expires Nov 28, 2026, 14:05 UTC)', LIMIT_REACHED],
    ],
    ['a cent left', { limit_remaining: 0.01 }, [ACTIVE, NO_EXPIRY]],
    ['no limit at all', { limit: null, limit_remaining: null }, [ACTIVE, NO_EXPIRY]],
    ['no limit but a stray 0 remaining', { limit: null, limit_remaining: 0 }, [ACTIVE, NO_EXPIRY]],
    ['an unknown limit with 0 remaining', { limit: undefined, limit_remaining: 0 }, [ACTIVE, NO_EXPIRY, LIMIT_REACHED]],
    ['an unknown remaining limit', { limit_remaining: undefined }, [ACTIVE, NO_EXPIRY]],
  ])('shows %s', (_, change, expected) => {
    expect(seen(deriveBadges({ ...KEY, ...change }, NOW))).toEqual(expected);
  });

  it.each<[number, string, Badge['id']]>([
    [1, 'Expires today', 'expires_soon'],
    [59 * MINUTE, 'Expires today', 'expires_soon'],
    [HOUR, 'Expires in 1 hour', 'expires_soon'],
    [2 * HOUR - 1, 'Expires in 1 hour', 'expires_soon'],
    [2 * HOUR, 'Expires in 2 hours', 'expires_soon'],
    [DAY - 1, 'Expires in 23 hours', 'expires_soon'],
    [DAY, 'Expires in 1 day', 'expires_soon'],
    [2 * DAY - 1, 'Expires in 1 day', 'expires_soon'],
    [3 * DAY + 20 * HOUR, 'Expires in 3 days', 'expires_soon'],
    [7 * DAY - 1, 'Expires in 6 days', 'expires_soon'],
    [7 * DAY, 'Expires in 7 days', 'expires'],
    [8 * DAY - 1, 'Expires in 7 days', 'expires'],
    [400 * DAY, 'Expires in 400 days', 'expires'],
  ])('%d ms before expiry reads %s (%s)', (left, text, id) => {
    const [, expiry] = deriveBadges({ ...KEY, expires_at: inMs(left) }, NOW);
    expect(expiry?.text).toBe(text);
    expect(expiry?.id).toBe(id);
    expect(expiry?.tone).toBe(id === 'expires_soon' ? 'warning' : 'neutral');
  });

  it.each<[number, number, Badge['tone']]>([
    [EXPIRY_WARNING_DAYS, 6 * DAY, 'warning'],
    [30, 20 * DAY, 'warning'],
    [1, 2 * HOUR, 'warning'],
    [1, DAY, 'neutral'],
    [0, MINUTE, 'neutral'],
  ])('with a %d-day warning window, %d ms left is %s', (warningDays, left, tone) => {
    const [, expiry] = deriveBadges({ ...KEY, expires_at: inMs(left) }, NOW, warningDays);
    expect(expiry?.tone).toBe(tone);
  });

  it('gives the exact UTC time as the tooltip, whatever zone the API used', () => {
    const [, expiry] = deriveBadges({ ...KEY, expires_at: '2026-11-30T08:00:00+05:30' }, NOW);
    expect(expiry?.title).toBe('Expires Nov 30, 2026, 02:30 UTC');
  });
});
