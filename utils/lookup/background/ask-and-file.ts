import { fetchKey } from './api/fetch-key';
import type { KeyHash } from '../../hash-input';
import type { LookupResult } from '../lookup-result';
import { type CachedKey, kept } from '../../storage/background/items';
import { change, changeKept } from '../../storage/background/memory';
import { withCachedKey, withoutKeys } from './result-cache';
import { recordSpend } from '../../spend-history/background/spend-store';

type Cache = Record<string, CachedKey>;

// The cache is one record, rewritten whole (up to 50 keys) on each write. The first answer is
// written at once, after its reply; the answers that come while that write is under way are
// written together in the next one. A run of hundreds thus writes a few times a second, not once
// per answer (one write per answer cost about a third of a 400-hash run), and never holds it up.
let pending: ((cache: Cache) => Cache)[] = [];
let writing = false;

function fileInCache(step: (cache: Cache) => Cache): void {
  pending.push(step);
  if (writing) return;
  writing = true;
  void (async () => {
    while (pending.length > 0) {
      const steps = pending;
      pending = [];
      // A cache that could not be written costs the next lookup of these keys one request, no more.
      await changeKept(change(kept.resultCache, (cache) => steps.reduce((next, apply) => apply(next), cache))).catch(
        () => {},
      );
    }
    writing = false;
  })();
}

export interface AccountTarget {
  accountId: string;
  baseUrl: string;
  timeoutSeconds: number;
}

/**
 * One account's answer for a hash, from its API, as the bulk page and the watchlist's checks ask
 * (not the popup's lookup, which keeps its history and badge too): a key found goes into the result
 * cache, so that a popup lookup of it right after is instant, and a watched key's spend into its
 * history; a 404 takes it out of the cache. Never throws.
 */
export async function askAndFile(target: AccountTarget, hash: KeyHash, signal?: AbortSignal): Promise<LookupResult> {
  const result = await fetchKey({ target, hash, signal }).catch(
    // Only storage failing under it can make the request builder throw.
    (): LookupResult => ({ ok: false, error: { kind: 'interrupted' } }),
  );
  const { accountId } = target;
  if (result.ok) {
    const found = { accountId, hash, key: result.key, fetchedAt: result.fetchedAt };
    fileInCache((cache) => withCachedKey(cache, found));
    // A watched key's check (or a bulk answer for one) is a point of its spend history; written
    // apart, like the cache, so the answer never waits for it.
    recordSpend([found]).catch(() => undefined);
  } else if (result.error.kind === 'not_found') fileInCache((cache) => withoutKeys(cache, { accountId, hash }));
  return result;
}
