import { describe, expect, it } from 'vitest';
import { NOW, makeKey } from '@/test/fixtures/key';
import { badgeForResult } from './action-badge';
import type { ApiKey } from '../../api-key';
import type { MergedLookup } from '../account-answers';
import type { LookupError } from '../lookup-error';

const ok = (overrides: Partial<ApiKey>, account?: string): MergedLookup => ({
  ok: true,
  found: [
    {
      key: makeKey(overrides),
      fetchedAt: NOW.toISOString(),
      ...(account ? { account: { id: 'x', name: account } } : {}),
    },
  ],
});
const accounts = (names: string[]) => names.map((name) => ({ id: name, name }));
const failed = (error: LookupError) => ({ ok: false as const, error });

describe('badgeForResult', () => {
  it.each([
    ['an active key', ok({}), 'OK', 'Last lookup: Production backend (Active, No expiry)'],
    ['a disabled key', ok({ disabled: true }), 'OFF', 'Last lookup: Production backend (Disabled, No expiry)'],
    ['an expired key', ok({ expires_at: '2026-11-01T00:00:00Z' }), 'EXP', 'Last lookup: Production backend (Expired)'],
    [
      'a key at its limit',
      ok({ limit: 10, limit_remaining: 0 }),
      'LIM',
      'Last lookup: Production backend (Active, No expiry, Limit reached)',
    ],
    [
      'a key expiring in 2 days',
      ok({ expires_at: '2026-11-28T20:00:00Z' }),
      'SOON',
      'Last lookup: Production backend (Active, Expires in 2 days)',
    ],
    ['a key with a blank name', ok({ name: ' ' }), 'OK', 'Last lookup: Unnamed key (Active, No expiry)'],
    ['a key without a name', ok({ name: undefined }), 'OK', 'Last lookup: Unnamed key (Active, No expiry)'],
    ['an unknown hash', failed({ kind: 'not_found' }), '404', 'Last lookup: No key with this hash'],
    ['a rejected key', failed({ kind: 'unauthorized' }), '401', 'Last lookup: Management key rejected'],
    ['a rate limit', failed({ kind: 'rate_limited' }), '429', 'Last lookup: Too many requests'],
    ['a server error', failed({ kind: 'server_error', status: 503 }), 'ERR', 'Last lookup: ModelGates server error'],
    [
      'a key in one of several accounts',
      ok({}, 'Staging'),
      'OK',
      'Last lookup: Production backend in Staging (Active, No expiry)',
    ],
    [
      'a hash in none of 3 accounts',
      failed({ kind: 'not_in_accounts', notFoundIn: accounts(['A', 'B', 'C']), failed: [] }),
      '404',
      'Last lookup: No key with this hash in any of your 3 accounts',
    ],
    [
      'a hash not in one account while another could not be asked',
      failed({
        kind: 'not_in_accounts',
        notFoundIn: accounts(['A']),
        failed: [{ account: { id: 'B', name: 'B' }, error: { kind: 'unauthorized' } }],
      }),
      'ERR',
      'Last lookup: No key with this hash in A',
    ],
  ])('shows %s as %s, and says it in words', (_, result, text, title) => {
    const badge = badgeForResult(result, NOW);
    expect(badge.text).toBe(text);
    expect(badge.text.length).toBeLessThanOrEqual(4);
    expect(badge.title).toBe(title);
  });
});
