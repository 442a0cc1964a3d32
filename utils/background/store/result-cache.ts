import type { ApiKey } from '../../api-key';
import { type CachedKey, resultCacheItem } from './items';

/** Enough for a working session; the oldest entries go first. */
export const MAX_CACHED_KEYS = 50;

/** The cached key for a hash, however old; see `isFresh`. */
export async function readCachedEntry(hash: string): Promise<CachedKey | null> {
  return (await resultCacheItem.getValue())[hash] ?? null;
}

/** Younger than `ttlSeconds` (0 turns the cache off). */
export function isFresh(entry: CachedKey, now: Date, ttlSeconds: number): boolean {
  const age = now.getTime() - Date.parse(entry.fetchedAt);
  return ttlSeconds > 0 && age >= 0 && age < ttlSeconds * 1000;
}

export async function cacheKey(hash: string, key: ApiKey, fetchedAt: string): Promise<void> {
  const cache = await resultCacheItem.getValue();
  const entries = Object.entries({ ...cache, [hash]: { key, fetchedAt } })
    .sort(([, a], [, b]) => b.fetchedAt.localeCompare(a.fetchedAt))
    .slice(0, MAX_CACHED_KEYS);
  await resultCacheItem.setValue(Object.fromEntries(entries));
}

/** Drops one hash (it was not found, or disabled since) or, without one, everything. */
export async function forgetCachedKeys(hash?: string): Promise<void> {
  if (hash === undefined) return resultCacheItem.removeValue();
  const cache = await resultCacheItem.getValue();
  await resultCacheItem.setValue(Object.fromEntries(Object.entries(cache).filter(([cached]) => cached !== hash)));
}
