import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeKey } from '@/test/fixtures/key';
import { MAX_CACHED_KEYS, cacheKey, forgetCachedKeys, isFresh, readCachedEntries } from './result-cache';

const HASH = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const FETCHED = '2026-11-26T19:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(FETCHED) + seconds * 1000);
const cached = async (hash: string, accounts = ['prod', 'stage']) =>
  (await readCachedEntries(hash, accounts)).map((entry) => `${entry.accountId} ${entry.key.name}`);

describe('result cache', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await cacheKey('prod', HASH, makeKey({ name: 'in production' }), FETCHED);
  });

  it.each([
    [0, 60, true],
    [59.9, 60, true],
    [60, 60, false],
    [10, 0, false],
    [-5, 60, false],
  ])('after %s s with a %s s cache time, is served: %s', async (seconds, ttl, served) => {
    const [entry] = await readCachedEntries(HASH, ['prod']);
    expect(entry !== undefined && isFresh(entry, at(seconds), ttl)).toBe(served);
  });

  it('lives in session storage only', async () => {
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(HASH);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(HASH);
  });

  it('keeps one answer per account for the same hash, and gives them in the accounts’ order', async () => {
    await cacheKey('stage', HASH, makeKey({ name: 'in staging' }), FETCHED);
    expect(await cached(HASH, ['stage', 'prod'])).toEqual(['stage in staging', 'prod in production']);
    expect(await cached(HASH, ['prod'])).toEqual(['prod in production']);
    expect(await cached(HASH, ['gone'])).toEqual([]);
  });

  it('forgets one account’s answer for a hash, all of an account’s answers, or everything', async () => {
    await cacheKey('stage', HASH, makeKey({ name: 'in staging' }), FETCHED);
    await cacheKey('prod', OTHER, makeKey({ name: 'other' }), FETCHED);
    await forgetCachedKeys({ accountId: 'stage', hash: HASH });
    expect(await cached(HASH)).toEqual(['prod in production']);
    await cacheKey('stage', HASH, makeKey({ name: 'in staging' }), FETCHED);
    await forgetCachedKeys({ accountId: 'prod' });
    expect(await cached(HASH)).toEqual(['stage in staging']);
    expect(await cached(OTHER)).toEqual([]);
    await forgetCachedKeys();
    expect(await cached(HASH)).toEqual([]);
  });

  it(`keeps the newest ${MAX_CACHED_KEYS}`, async () => {
    for (let i = 1; i <= MAX_CACHED_KEYS + 5; i++) {
      await cacheKey('prod', i.toString(16).padStart(64, '0'), makeKey(), at(i).toISOString());
    }
    expect(await cached(HASH)).toEqual([]);
    expect(await cached((MAX_CACHED_KEYS + 5).toString(16).padStart(64, '0'))).toHaveLength(1);
  });
});
