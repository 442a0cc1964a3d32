import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import { viewRow, type BulkResult, type BulkRow, type RowFilter } from './row';
import type { KeyHash } from '../hash-input';

const NOW = new Date('2026-11-26T14:05:00Z');
const HASH = 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9' as KeyHash;
const KEY: ApiKey = { hash: HASH, name: 'Prod', disabled: false, expires_at: null, limit: 100, limit_remaining: 40 };
const found = (key: Partial<ApiKey>): BulkResult => ({
  kind: 'found',
  key: { ...KEY, ...key },
  fetchedAt: '2026-11-26T14:04:00Z',
});
const row = (result: BulkResult): BulkRow => ({ hash: HASH, account: null, result });

describe('viewRow', () => {
  it.each<[string, BulkResult, string, RowFilter[]]>([
    ['an active key', found({}), 'Active, No expiry', ['all', 'active']],
    ['a disabled key', found({ disabled: true }), 'Disabled, No expiry', ['all', 'disabled']],
    ['an expired key', found({ expires_at: '2026-11-01T00:00:00Z' }), 'Expired', ['all', 'expired']],
    [
      'a key expiring in 2 days',
      found({ expires_at: '2026-11-28T15:00:00Z' }),
      'Active, Expires in 2 days',
      ['all', 'active', 'expires_soon'],
    ],
    [
      'a key expiring in 8 days',
      found({ expires_at: '2026-12-04T15:00:00Z' }),
      'Active, Expires in 8 days',
      ['all', 'active'],
    ],
    [
      'a key at its limit, disabled and expiring',
      found({ disabled: true, limit_remaining: 0, expires_at: '2026-11-27T00:00:00Z' }),
      'Disabled, Expires in 9 hours, Limit reached',
      ['all', 'disabled', 'expires_soon', 'limit_reached'],
    ],
    ['a key of unknown status', found({ disabled: undefined }), 'Status unknown, No expiry', ['all']],
    ['a hash no account has', { kind: 'not_found' }, 'Not found', ['all', 'not_found']],
    [
      'a rejected management key',
      { kind: 'error', error: { kind: 'unauthorized' } },
      'Management key rejected',
      ['all', 'errors'],
    ],
    [
      'a timeout',
      { kind: 'error', error: { kind: 'timeout', seconds: 10 } },
      'The API did not answer in time',
      ['all', 'errors'],
    ],
    ['a row the run did not reach', { kind: 'pending' }, 'Not looked up', ['all']],
  ])('%s reads %j', (_, result, status, filters) => {
    const view = viewRow(row(result), NOW);
    expect(view.status).toBe(status);
    expect([...view.filters]).toEqual(filters);
  });

  it('takes the expiry warning window', () => {
    const view = viewRow(row(found({ expires_at: '2026-12-04T15:00:00Z' })), NOW, 14);
    expect([...view.filters]).toEqual(['all', 'active', 'expires_soon']);
  });
});
