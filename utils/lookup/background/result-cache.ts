import type { ApiKey } from '../../api-key';
import { type CachedKey, kept } from '../../storage/background/items';
import { change, changeKept, readKept } from '../../storage/background/memory';

type Cache = Record<string, CachedKey>;

/** Enough for a working session; the oldest entries go first. */
export const MAX_CACHED_KEYS = 50;

/** Where an account's answer for a hash is filed: one hash can be in two accounts. */
const slot = (accountId: string, hash: string) => `${accountId}/${hash}`;

/** The cached keys for a hash in these accounts, however old, in the accounts' order; see `isFresh`. */
export async function readCachedEntries(hash: string, accountIds: readonly string[]): Promise<CachedKey[]> {
  const cache = await readKept(kept.resultCache);
  return accountIds.flatMap((id) => {
    const entry = Object.hasOwn(cache, slot(id, hash)) ? cache[slot(id, hash)] : undefined;
    return entry ? [entry] : [];
  });
}

/** Younger than `ttlSeconds` (0 turns the cache off). */
export function isFresh(entry: CachedKey, now: Date, ttlSeconds: number): boolean {
  const age = now.getTime() - Date.parse(entry.fetchedAt);
  return ttlSeconds > 0 && age >= 0 && age < ttlSeconds * 1000;
}

/** The cache with this account's answer for a hash added, keeping the newest MAX_CACHED_KEYS. */
export function withCachedKey(cache: Cache, entry: CachedKey): Cache {
  const entries = Object.entries({ ...cache, [slot(entry.accountId, entry.hash)]: entry })
    .sort(([, a], [, b]) => b.fetchedAt.localeCompare(a.fetchedAt))
    .slice(0, MAX_CACHED_KEYS);
  return Object.fromEntries(entries);
}

export function cacheKey(accountId: string, hash: string, key: ApiKey, fetchedAt: string): Promise<void> {
  return changeKept(change(kept.resultCache, (cache) => withCachedKey(cache, { accountId, hash, key, fetchedAt })));
}

/** What to forget: one account's answer for a hash (gone or disabled since), all of an
 * account's answers (its key or base URL changed, or it was removed), or, with nothing, all. */
export type Forget = { accountId: string; hash?: string } | undefined;

export function forgetCachedKeys(which?: Forget): Promise<void> {
  return changeKept(change(kept.resultCache, (cache) => (which === undefined ? undefined : withoutKeys(cache, which))));
}

/** The cache without what `which` names. */
export function withoutKeys(cache: Cache, which: NonNullable<Forget>): Cache {
  const left = Object.entries(cache).filter(
    ([, entry]) => entry.accountId !== which.accountId || (which.hash !== undefined && entry.hash !== which.hash),
  );
  return Object.fromEntries(left);
}
