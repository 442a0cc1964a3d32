import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import type { KeyHash } from '../hash-input';
import type { LookupResult } from '../lookup/lookup-result';
import { outcomeOf } from './account-outcome';

/** A fixed clock: every Retry-After is read against it. */
const NOW = Date.parse('2026-11-26T14:05:00Z');
const KEY: ApiKey = {
  hash: 'a'.repeat(64) as KeyHash,
  name: 'Prod',
  disabled: false,
  expires_at: null,
  limit: 100,
  limit_remaining: 40,
};
const FOUND: LookupResult = { ok: true, key: KEY, fetchedAt: '2026-11-26T14:04:00Z' };
const GONE: LookupResult = { ok: false, error: { kind: 'not_found' } };

describe('outcomeOf', () => {
  it.each<[string, LookupResult, unknown]>([
    ['a key found', FOUND, { kind: 'done', value: FOUND }],
    ['a 404', GONE, { kind: 'done', value: GONE }],
    [
      'a 429 with a time to come back',
      { ok: false, error: { kind: 'rate_limited', retryAt: '2026-11-26T14:05:03Z' } },
      { kind: 'rate_limited', retryAfterMs: 3000 },
    ],
    [
      'a 429 whose time has passed',
      { ok: false, error: { kind: 'rate_limited', retryAt: '2026-11-26T14:04:00Z' } },
      { kind: 'rate_limited', retryAfterMs: 0 },
    ],
    [
      'a 429 whose time passed long ago (never a negative pause)',
      { ok: false, error: { kind: 'rate_limited', retryAt: '2020-01-01T00:00:00Z' } },
      { kind: 'rate_limited', retryAfterMs: 0 },
    ],
    [
      'a 429 with an unreadable time',
      { ok: false, error: { kind: 'rate_limited', retryAt: 'soon' } },
      { kind: 'rate_limited', retryAfterMs: undefined },
    ],
    ['a 429 without Retry-After', { ok: false, error: { kind: 'rate_limited' } }, { kind: 'rate_limited' }],
    [
      'a 401',
      { ok: false, error: { kind: 'unauthorized' } },
      { kind: 'key_rejected', error: { kind: 'unauthorized' } },
    ],
    [
      'a 5xx after its retry',
      { ok: false, error: { kind: 'server_error', status: 503 } },
      { kind: 'failed', error: { kind: 'server_error', status: 503 } },
    ],
    ['a timeout', { ok: false, error: { kind: 'timeout', seconds: 10 } }, { kind: 'failed' }],
  ])('reads %s', (_, result, expected) => {
    expect(outcomeOf(result, NOW)).toMatchObject(expected as object);
  });
});
