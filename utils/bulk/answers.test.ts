import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import { itemId, rowOf, runItems, type AccountAnswer } from './answers';
import type { KeyHash } from '../hash-input';
import type { LookupResult } from '../lookup/lookup-result';

const A = 'a'.repeat(64) as KeyHash;
const B = 'b'.repeat(64) as KeyHash;
const KEY: ApiKey = { hash: A, name: 'Prod', disabled: false, expires_at: null, limit: 100, limit_remaining: 40 };
const FOUND: LookupResult = { ok: true, key: KEY, fetchedAt: '2026-11-26T14:04:00Z' };
const GONE: LookupResult = { ok: false, error: { kind: 'not_found' } };
const PROD = { id: 'prod', name: 'Production' };
const STAGING = { id: 'staging', name: 'Staging' };

describe('runItems', () => {
  it('asks every account about each hash, hash by hash', () => {
    expect(runItems([A, B], [PROD, STAGING]).map((item) => item.id)).toEqual([
      `prod/${A}`,
      `staging/${A}`,
      `prod/${B}`,
      `staging/${B}`,
    ]);
  });
});

const answers = (entries: [string, KeyHash, AccountAnswer][]) =>
  new Map(entries.map(([account, hash, answer]) => [itemId(account, hash), answer]));
const done = (value: LookupResult): AccountAnswer => ({ kind: 'done', value });

describe('rowOf', () => {
  it('is pending before any answer', () => {
    expect(rowOf(A, [PROD], new Map()).result).toEqual({ kind: 'pending' });
  });

  it('shows one account’s key without naming the account', () => {
    expect(rowOf(A, [PROD], answers([['prod', A, done(FOUND)]]))).toEqual({
      hash: A,
      account: null,
      result: { kind: 'found', key: KEY, fetchedAt: FOUND.ok ? FOUND.fetchedAt : '' },
    });
  });

  it('names the account that has the key when there are several, before the others answer', () => {
    const row = rowOf(A, [PROD, STAGING], answers([['staging', A, done(FOUND)]]));
    expect(row.account).toBe('Staging');
    expect(row.result.kind).toBe('found');
  });

  it('waits for every account before saying not found', () => {
    expect(rowOf(A, [PROD, STAGING], answers([['prod', A, done(GONE)]])).result.kind).toBe('pending');
    const both = answers([
      ['prod', A, done(GONE)],
      ['staging', A, done(GONE)],
    ]);
    expect(rowOf(A, [PROD, STAGING], both).result).toEqual({ kind: 'not_found' });
  });

  it('is an error, with each account’s reason, when an account could not be asked', () => {
    const mixed = answers([
      ['prod', A, done(GONE)],
      ['staging', A, { kind: 'failed', error: { kind: 'unauthorized' } }],
    ]);
    expect(rowOf(A, [PROD, STAGING], mixed).result).toEqual({
      kind: 'error',
      error: {
        kind: 'not_in_accounts',
        notFoundIn: [PROD],
        failed: [{ account: STAGING, error: { kind: 'unauthorized' } }],
      },
    });
  });

  it('keeps a single account’s own failure', () => {
    const failed = answers([['prod', A, { kind: 'failed', error: { kind: 'timeout', seconds: 10 } }]]);
    expect(rowOf(A, [PROD], failed).result).toEqual({ kind: 'error', error: { kind: 'timeout', seconds: 10 } });
  });
});
