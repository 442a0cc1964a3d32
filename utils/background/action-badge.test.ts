import { describe, expect, it } from 'vitest';
import { NOW, makeKey } from '@/test/fixtures/key';
import { badgeForResult } from './action-badge';
import type { ApiKey } from '../api-key';
import type { LookupError } from '../lookup-error';

const ok = (overrides: Partial<ApiKey>) => ({
  ok: true as const,
  key: makeKey(overrides),
  fetchedAt: NOW.toISOString(),
});
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
  ])('shows %s as %s, and says it in words', (_, result, text, title) => {
    const badge = badgeForResult(result, NOW);
    expect(badge.text).toBe(text);
    expect(badge.text.length).toBeLessThanOrEqual(4);
    expect(badge.title).toBe(title);
  });
});
