import { fetchKey } from '../api/fetch-key';
import type { KeyHash } from '../../hash-input';
import type { LookupResult } from '../../lookup-result';
import { readSettings } from '../store/items';
import { cacheKey, forgetCachedKeys } from '../store/result-cache';

/** The bulk page's answer for one hash in one account: that account's own result, 429 and 401
 * included, so the page's scheduler can pause or stop that account alone. */
export interface AccountLookupReply {
  ok: true;
  result: LookupResult;
}

// Cache writes read and rewrite one record: run them one after another, so that answers arriving
// together do not overwrite each other, and after the reply, so that they never hold a run up.
let cacheWrites: Promise<void> = Promise.resolve();

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
  const remember = () =>
    result.ok
      ? cacheKey(accountId, hash, result.key, result.fetchedAt)
      : result.error.kind === 'not_found'
        ? forgetCachedKeys({ accountId, hash })
        : Promise.resolve();
  cacheWrites = cacheWrites.then(remember).catch(() => {});
  return { ok: true, result };
}
