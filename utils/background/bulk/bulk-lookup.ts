import { fetchKey } from '../api/fetch-key';
import type { KeyHash } from '../../hash-input';
import type { LookupResult } from '../../lookup-result';
import { type CachedKey, kept, readSettings } from '../store/items';
import { change, changeKept } from '../store/memory';
import { withCachedKey, withoutKeys } from '../store/result-cache';

/** The bulk page's answer for one hash in one account: that account's own result, 429 and 401
 * included, so the page's scheduler can pause or stop that account alone. */
export interface AccountLookupReply {
  ok: true;
  result: LookupResult;
}

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
      await changeKept(change(kept.resultCache, (cache) => steps.reduce((next, apply) => apply(next), cache))).catch(
        () => {},
      );
    }
    writing = false;
  })();
}

/**
 * Looks a hash up in one saved account (the router has checked the id). A key found goes into the
 * result cache, so that a popup lookup of it right after the run is instant; a 404 forgets it.
 * Bulk lookups are not written to the history: a run of thousands would push out everything else.
 */
export async function lookUpInAccount(hash: KeyHash, accountId: string): Promise<AccountLookupReply> {
  const settings = await readSettings();
  const account = settings.accounts.find((a) => a.id === accountId);
  if (!account) return { ok: true, result: { ok: false, error: { kind: 'not_configured' } } };
  const target = { accountId, baseUrl: account.baseUrl, timeoutSeconds: settings.timeoutSeconds };
  const result = await fetchKey({ target, hash }).catch(
    // Only storage failing under it can make the request builder throw.
    (): LookupResult => ({ ok: false, error: { kind: 'interrupted' } }),
  );
  if (result.ok)
    fileInCache((cache) => withCachedKey(cache, { accountId, hash, key: result.key, fetchedAt: result.fetchedAt }));
  else if (result.error.kind === 'not_found') fileInCache((cache) => withoutKeys(cache, { accountId, hash }));
  return { ok: true, result };
}
