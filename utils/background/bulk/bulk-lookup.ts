import { fetchKey } from '../api/fetch-key';
import type { KeyHash } from '../../hash-input';
import type { LookupResult } from '../../lookup-result';
import { type CachedKey, kept, readSettings } from '../store/items';
import { change, changeKept } from '../store/memory';
import { withCachedKey, withoutKeys } from '../store/result-cache';
import { RequestGate } from '../../request-gate';

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

// At most the setting's number of requests in flight per account; see utils/request-gate.ts.
let gate = new RequestGate();

/** Forgets every pause and cancelled run, as a restarted worker does (tests start each case so). */
export function resetRequestGate(): void {
  gate = new RequestGate();
}

/** A 429 without Retry-After holds the account's waiting requests this long: the page's own
 * backoff is at least as long. */
const PAUSE_WITHOUT_RETRY_AFTER_MS = 1000;

/**
 * Looks a hash up in one saved account (the router has checked the id), when the account's gate
 * gives `run` a turn. A key found goes into the result cache, so that a popup lookup of it right
 * after the run is instant; a 404 forgets it. Bulk lookups are not written to the history: a run
 * of thousands would push out everything else.
 */
export async function lookUpInAccount(hash: KeyHash, accountId: string, run: string): Promise<AccountLookupReply> {
  const settings = await readSettings();
  const account = settings.accounts.find((a) => a.id === accountId);
  if (!account) return { ok: true, result: { ok: false, error: { kind: 'not_configured' } } };
  const limit = settings.bulkConcurrency;
  const turn = await gate.enter(accountId, run, limit);
  if (turn.kind === 'cancelled') return { ok: true, result: { ok: false, error: { kind: 'interrupted' } } };
  if (turn.kind === 'paused') {
    const retryAt = new Date(turn.untilMs).toISOString();
    return { ok: true, result: { ok: false, error: { kind: 'rate_limited', retryAt } } };
  }
  const target = { accountId, baseUrl: account.baseUrl, timeoutSeconds: settings.timeoutSeconds };
  const result = await fetchKey({ target, hash }).catch(
    // Only storage failing under it can make the request builder throw.
    (): LookupResult => ({ ok: false, error: { kind: 'interrupted' } }),
  );
  // The pause first, so that the request waiting for this turn is not sent into it.
  if (!result.ok && result.error.kind === 'rate_limited') {
    const until = result.error.retryAt === undefined ? NaN : Date.parse(result.error.retryAt);
    gate.pause(accountId, Number.isFinite(until) ? until : Date.now() + PAUSE_WITHOUT_RETRY_AFTER_MS);
  }
  gate.leave(accountId, limit);
  if (result.ok)
    fileInCache((cache) => withCachedKey(cache, { accountId, hash, key: result.key, fetchedAt: result.fetchedAt }));
  else if (result.error.kind === 'not_found') fileInCache((cache) => withoutKeys(cache, { accountId, hash }));
  return { ok: true, result };
}

/** Cancel on the bulk page, or the page closed: the run's requests not sent yet are not sent. */
export async function cancelBulkRun(run: string): Promise<{ ok: true }> {
  gate.cancel(run);
  return { ok: true };
}
