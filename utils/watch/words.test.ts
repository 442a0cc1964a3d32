import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import { applyCheck, UNCHECKED, type CheckResult, type WatchAlert, type WatchState } from './alerts';
import { describeWatch, notificationText, type WatchWords } from './words';

const NOW = new Date('2026-11-26T14:05:00Z');
const HOUR = 3_600_000;
const KEY: ApiKey = {
  hash: 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9',
  name: 'Backend',
  disabled: false,
  expires_at: null,
  limit: 100,
  limit_remaining: 58,
  limit_reset: 'monthly',
};
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
/** The state after checks made `hours` ago. */
function after(...checks: [CheckResult, number][]): WatchState {
  return checks.reduce((state, [check, hours]) => applyCheck(state, check, ago(hours)).state, UNCHECKED);
}
const found = (key: Partial<ApiKey> = {}): CheckResult => ({ kind: 'found', key: { ...KEY, ...key } });

describe('describeWatch', () => {
  it.each<[string, WatchState, WatchWords]>([
    ['never checked', UNCHECKED, { attention: [], spend: null, checked: 'Not checked yet' }],
    [
      'all well',
      after([found(), 0.1]),
      { attention: [], spend: '42% of limit used', checked: 'Checked 6 minutes ago' },
    ],
    [
      'no limit',
      after([found({ limit: null, limit_remaining: null }), 1]),
      { attention: [], spend: null, checked: 'Checked 1 hour ago' },
    ],
    [
      'at 90 % of its limit',
      after([found({ limit_remaining: 10 }), 2]),
      { attention: ['90% of limit used'], spend: '90% of limit used', checked: 'Checked 2 hours ago' },
    ],
    [
      'just under the first threshold',
      after([found({ limit_remaining: 20.01 }), 2]),
      { attention: [], spend: '79% of limit used', checked: 'Checked 2 hours ago' },
    ],
    [
      'expiring in 2 days',
      after([found({ expires_at: new Date(NOW.getTime() + 50 * HOUR).toISOString() }), 0]),
      { attention: ['Expires in 2 days'], spend: '42% of limit used', checked: 'Checked now' },
    ],
    [
      'expired since its check',
      after([found({ expires_at: new Date(NOW.getTime() - HOUR).toISOString() }), 3]),
      { attention: ['Expired'], spend: '42% of limit used', checked: 'Checked 3 hours ago' },
    ],
    [
      'disabled and over its limit',
      after([found({ disabled: true, limit_remaining: -5 }), 24]),
      { attention: ['Disabled', '105% of limit used'], spend: '105% of limit used', checked: 'Checked yesterday' },
    ],
    [
      'gone',
      after([found(), 5], [{ kind: 'not_found' }, 1]),
      { attention: ['No longer exists'], spend: null, checked: 'Checked 1 hour ago' },
    ],
    [
      'a failed check after a good one',
      after([found({ limit_remaining: 10 }), 3], [{ kind: 'failed' }, 0.05]),
      {
        attention: ['90% of limit used'],
        spend: '90% of limit used',
        checked: 'Last checked 3 hours ago; the check 3 minutes ago failed',
      },
    ],
    [
      'only failed checks',
      after([{ kind: 'failed' }, 2]),
      { attention: [], spend: null, checked: 'Not checked yet; the check 2 hours ago failed' },
    ],
  ])('%s', (_, state, expected) => {
    expect(describeWatch(state, NOW)).toEqual(expected);
  });

  it('counts from the lowest threshold set', () => {
    const state = after([found({ limit_remaining: 40 }), 0]);
    expect(describeWatch(state, NOW, { thresholds: [100, 50], warningDays: 7 }).attention).toEqual([
      '60% of limit used',
    ]);
  });
});

describe('notificationText', () => {
  const spend: WatchAlert = { kind: 'spend', threshold: 80, percent: 85.5, text: '85% of limit used' };
  const gone: WatchAlert = { kind: 'gone', text: 'No longer exists' };
  it.each<[WatchAlert, string | null | undefined, string | null, string]>([
    [spend, 'Backend', 'Production', 'Backend (Production): 85% of limit used'],
    [spend, 'Backend', null, 'Backend: 85% of limit used'],
    [gone, '  Backend  ', 'Staging', 'Backend (Staging): No longer exists'],
    [gone, undefined, 'Staging', 'Unnamed key (Staging): No longer exists'],
    [gone, ' ', null, 'Unnamed key: No longer exists'],
    [{ kind: 'disabled', text: 'Disabled' }, 'Backend', 'Production', 'Backend (Production): Disabled'],
    [
      { kind: 'expiry', expiresAt: '2026-11-28T15:00:00Z', text: 'Expires in 2 days' },
      'Backend',
      'Production',
      'Backend (Production): Expires in 2 days',
    ],
  ])('%j for %j in %j reads %j', (alert, name, account, expected) => {
    expect(notificationText(alert, name, account)).toBe(expected);
  });

  it('names the key of a real check in one line, whatever its name holds', () => {
    const { alerts } = applyCheck(UNCHECKED, found({ limit_remaining: 0 }), NOW);
    const [alert] = alerts;
    expect(alert && notificationText(alert, 'Evil\nname\r\n\tnext', 'Prod\u2028uction')).toBe(
      'Evil name next (Prod uction): 100% of limit used',
    );
  });
});
