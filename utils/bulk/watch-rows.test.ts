import { describe, expect, it } from 'vitest';
import { HASH as HASH_TEXT, makeKey, NOW } from '@/test/fixtures/key';
import type { BulkResult, BulkRow } from './row';
import { viewRow } from './row';
import { selectableHashes, watchOutcomeLine, watchRequestOf, type WatchOutcome } from './watch-rows';
import type { KeyHash } from '../hash-input';

const HASH = HASH_TEXT as KeyHash;
const MAIN = { id: 'main', name: 'Main' };
const SECOND = { id: 'second', name: 'Second' };
const found: BulkResult = { kind: 'found', key: makeKey(), fetchedAt: NOW.toISOString() };
const row = (result: BulkResult, account: string | null = null, hash = HASH): BulkRow => ({
  hash,
  account,
  result,
});

describe('watchRequestOf', () => {
  it.each<[string, BulkRow, { id: string; name: string }[], ReturnType<typeof watchRequestOf>]>([
    ['one account: its id', row(found), [MAIN], { hash: HASH, accountId: 'main' }],
    ['several: the account the row names', row(found, 'Second'), [MAIN, SECOND], { hash: HASH, accountId: 'second' }],
    ['an account no longer known: the hash alone', row(found, 'Gone'), [MAIN, SECOND], { hash: HASH }],
    ['not found: nothing to watch', row({ kind: 'not_found' }), [MAIN], null],
    ['failed: nothing to watch', row({ kind: 'error', error: { kind: 'timeout', seconds: 10 } }), [MAIN], null],
    ['not looked up: nothing to watch', row({ kind: 'pending' }), [MAIN], null],
  ])('%s', (_, bulkRow, accounts, expected) => {
    expect(watchRequestOf(bulkRow, accounts)).toEqual(expected);
  });
});

describe('selectableHashes', () => {
  it('keeps the found rows only, in order', () => {
    const hashes = ['1', '2', '3'].map((n) => n.repeat(64) as KeyHash);
    const views = [
      row(found, null, hashes[0]),
      row({ kind: 'not_found' }, null, hashes[1]),
      row(found, null, hashes[2]),
    ].map((r) => viewRow(r, NOW));
    expect(selectableHashes(views)).toEqual([hashes[0], hashes[2]]);
  });
});

describe('watchOutcomeLine', () => {
  const LIMIT = 'You are watching 200 keys, the most there can be. Stop watching one first.';
  it.each<[WatchOutcome, string]>([
    [{ watching: 3 }, 'Watching 3 keys.'],
    [{ watching: 1 }, 'Watching 1 key.'],
    [{ watching: 197, refused: { count: 3, message: LIMIT } }, `Watching 197 keys. 3 keys not watched: ${LIMIT}`],
    [{ watching: 0, refused: { count: 1, message: LIMIT } }, `1 key not watched: ${LIMIT}`],
  ])('%j', (outcome, expected) => {
    expect(watchOutcomeLine(outcome)).toBe(expected);
  });
});
