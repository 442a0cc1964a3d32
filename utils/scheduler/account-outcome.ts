import type { LookupError } from '../lookup/lookup-error';
import type { LookupResult } from '../lookup/lookup-result';
import type { Outcome } from './outcome';

export type AccountOutcome = Outcome<LookupResult, LookupError>;

/**
 * One account's answer as a run of many lookups reads it (the bulk page's, the watchlist's
 * check): found and 404 are answers; a 429 pauses that account (until Retry-After when the server
 * said, never less than nothing); a 401 stops it; anything else has already had its one retry in
 * the worker and fails the item. `now` is the caller's clock, in ms.
 */
export function outcomeOf(result: LookupResult, now: number): AccountOutcome {
  if (result.ok || result.error.kind === 'not_found') return { kind: 'done', value: result };
  const { error } = result;
  switch (error.kind) {
    case 'rate_limited': {
      const at = error.retryAt === undefined ? NaN : Date.parse(error.retryAt);
      return { kind: 'rate_limited', retryAfterMs: Number.isFinite(at) ? Math.max(0, at - now) : undefined };
    }
    case 'unauthorized':
    // Locked: no key until the passphrase is given, so the account's other items stop as for a 401.
    case 'locked':
      return { kind: 'key_rejected', error };
    default:
      return { kind: 'failed', error };
  }
}
