import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeKey } from '@/test/fixtures/key';
import { MAX_CACHED_KEYS, cacheKey, forgetCachedKeys, isFresh, readCachedEntry } from './result-cache';
import { resultCacheItem } from './items';

const HASH = 'a'.repeat(64);
const FETCHED = '2026-11-26T19:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(FETCHED) + seconds * 1000);

describe('result cache', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await cacheKey(HASH, makeKey(), FETCHED);
  });

  it.each([
    [0, 60, true],
    [59.9, 60, true],
    [60, 60, false],
    [10, 0, false],
    [-5, 60, false],
  ])('after %s s with a %s s cache time, is served: %s', async (seconds, ttl, served) => {
    const entry = await readCachedEntry(HASH);
    expect(entry !== null && isFresh(entry, at(seconds), ttl)).toBe(served);
  });

  it('lives in session storage only', async () => {
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(HASH);
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(HASH);
  });

  it('forgets one hash, or all', async () => {
    await cacheKey('b'.repeat(64), makeKey(), FETCHED);
    await forgetCachedKeys(HASH);
    expect(Object.keys(await resultCacheItem.getValue())).toEqual(['b'.repeat(64)]);
    await forgetCachedKeys();
    expect(await resultCacheItem.getValue()).toEqual({});
  });

  it(`keeps the newest ${MAX_CACHED_KEYS}`, async () => {
    for (let i = 1; i <= MAX_CACHED_KEYS + 5; i++) {
      await cacheKey(i.toString(16).padStart(64, '0'), makeKey(), at(i).toISOString());
    }
    const kept = Object.keys(await resultCacheItem.getValue());
    expect(kept).toHaveLength(MAX_CACHED_KEYS);
    expect(kept).not.toContain(HASH);
  });
});
