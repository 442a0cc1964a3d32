import { askAndFile } from '../../lookup/background/ask-and-file';
import type { KeyHash } from '../../hash-input';
import type { AccountLookupReply } from '../contract';
import { readSettings } from '../../storage/background/items';
import { RequestGate } from '../../scheduler/request-gate';

// At most the setting's number of requests in flight per account; see utils/scheduler/request-gate.ts.
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
  const result = await askAndFile(target, hash);
  // The pause first, so that the request waiting for this turn is not sent into it.
  if (!result.ok && result.error.kind === 'rate_limited') {
    const until = result.error.retryAt === undefined ? NaN : Date.parse(result.error.retryAt);
    gate.pause(accountId, Number.isFinite(until) ? until : Date.now() + PAUSE_WITHOUT_RETRY_AFTER_MS);
  }
  gate.leave(accountId, limit);
  return { ok: true, result };
}

/** Cancel on the bulk page, or the page closed: the run's requests not sent yet are not sent. */
export async function cancelBulkRun(run: string): Promise<{ ok: true }> {
  gate.cancel(run);
  return { ok: true };
}
