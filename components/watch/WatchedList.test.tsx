import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HASH, NOW, makeKey } from '@/test/fixtures/key';
import type { ApiKey } from '@/utils/api-key';
import { applyCheck, DEFAULT_ALERT_RULES, startWatching, UNCHECKED, type CheckResult } from '@/utils/watch/alerts';
import { watchedView } from '@/utils/watch/view';
import { WatchedList } from './WatchedList';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const found = (key: Partial<ApiKey> = {}): CheckResult => ({ kind: 'found', key: makeKey(key) });
/** A key watched at 42 % two hours ago, then checked an hour ago with `check`. */
const stateAfter = (check: CheckResult) =>
  applyCheck(startWatching(makeKey(), ago(2)), check, ago(1), DEFAULT_ALERT_RULES).state;

function shown(state = stateAfter(found()), account?: string) {
  const view = watchedView({ hash: HASH, accountId: 'a', state }, NOW, DEFAULT_ALERT_RULES, { account });
  const onPick = vi.fn();
  const onCheckNow = vi.fn();
  render(<WatchedList entries={[view]} checking={false} onPick={onPick} onCheckNow={onCheckNow} />);
  const row = screen.getByRole('button', { name: /Production backend/ });
  return { row: row.textContent?.replace(/\s+/g, ' ').trim(), onPick, onCheckNow, button: row };
}

describe('WatchedList', () => {
  it.each<[string, CheckResult | 'unchecked', string]>([
    [
      'all well',
      found(),
      'Production backend Active 42% of limit used · No expiry · Checked 1 hour ago At this pace: about $50 by the reset (limit $100)',
    ],
    [
      'at 90 % of its limit',
      found({ limit_remaining: 10 }),
      'Production backend Active 90% of limit used · No expiry · Checked 1 hour ago At this pace: about $50 by the reset (limit $100) Needs attention: 90% of limit used',
    ],
    [
      'expiring in 2 days',
      found({ expires_at: new Date(NOW.getTime() + 2.5 * 24 * HOUR).toISOString() }),
      'Production backend Active 42% of limit used · Expires in 2 days · Checked 1 hour ago At this pace: about $50 by the reset (limit $100) Needs attention: Expires in 2 days',
    ],
    [
      'disabled',
      found({ disabled: true }),
      'Production backend Disabled 42% of limit used · No expiry · Checked 1 hour ago At this pace: about $50 by the reset (limit $100) Needs attention: Disabled',
    ],
    [
      'no limit',
      found({ limit: null, limit_remaining: null }),
      'Production backend Active No limit · No expiry · Checked 1 hour ago',
    ],
    [
      'a failed check: the last good state, and when',
      { kind: 'failed' },
      'Production backend Active 42% of limit used · No expiry · Last checked 2 hours ago; the check 1 hour ago failed At this pace: about $50 by the reset (limit $100)',
    ],
  ])('says so when %s', (_, check, text) => {
    expect(shown(check === 'unchecked' ? UNCHECKED : stateAfter(check)).row).toBe(text);
  });

  it('warns in words when the last check is on pace to run out before the reset, with a sparkline', () => {
    // Checked an hour ago (18:00) with $85 of a daily $100 spent: $15 left at $4.72 an hour.
    const state = stateAfter(found({ limit_reset: 'daily', usage_daily: 85, limit_remaining: 15 }));
    const view = watchedView({ hash: HASH, accountId: 'a', state }, NOW, DEFAULT_ALERT_RULES, { spark: [5, 40, 85] });
    render(<WatchedList entries={[view]} checking={false} onPick={vi.fn()} onCheckNow={vi.fn()} />);
    const row = screen
      .getByRole('button', { name: /Production backend/ })
      .textContent?.replace(/\s+/g, ' ')
      .trim();
    expect(row).toBe(
      'Production backend Active 85% of limit used · No expiry · Checked 1 hour ago ⚠ Warning: At this pace the ' +
        'limit is reached in about 2 h, before the reset in 5 h Needs attention: 85% of limit used, ' +
        'On pace to reach its limit before the reset',
    );
    const spark = document.querySelector('svg.sparkline');
    expect(spark?.getAttribute('aria-hidden')).toBe('true');
    expect(spark?.getAttribute('data-points')).toBe('3');
  });

  it('says "No longer exists" for a key that is gone, keeping its name', () => {
    expect(shown(stateAfter({ kind: 'not_found' })).row).toBe(
      'Production backend Checked 1 hour ago Needs attention: No longer exists',
    );
  });

  it('names the account when there are several', () => {
    expect(shown(undefined, 'Staging').row).toMatch(/^Production backend · Staging Active/);
  });

  it('looks a key up when it is chosen, and checks at once on "Check now"', () => {
    const { button, onPick, onCheckNow } = shown();
    fireEvent.click(button);
    expect(onPick).toHaveBeenCalledWith(HASH);
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(onCheckNow).toHaveBeenCalledOnce();
  });
});
