import { describe, expect, it } from 'vitest';
import type { KeyHash } from '../hash-input';
import { hashProgress } from './hash-progress';
import type { BulkRow } from './row';

const hash = (n: number) => n.toString(16).padStart(64, '0') as KeyHash;
const row = (n: number, result: BulkRow['result']): BulkRow => ({ hash: hash(n), account: null, result });
const requests = { done: 3, errors: 1, total: 22, etaMs: 4000 };

describe('hashProgress', () => {
  it('counts hashes, not hash × account requests, and keeps the requests’ time left', () => {
    const rows = [
      row(1, { kind: 'not_found' }),
      row(2, { kind: 'pending' }),
      row(3, { kind: 'error', error: { kind: 'timeout', seconds: 10 } }),
      ...Array.from({ length: 8 }, (_, i) => row(10 + i, { kind: 'pending' })),
    ];
    expect(hashProgress(rows, requests)).toEqual({ done: 2, errors: 1, total: 11, etaMs: 4000 });
  });

  it('says nothing is done before any row is answered', () => {
    expect(hashProgress([row(1, { kind: 'pending' })], { ...requests, etaMs: null })).toEqual({
      done: 0,
      errors: 0,
      total: 1,
      etaMs: null,
    });
  });
});
