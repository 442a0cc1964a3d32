import type { ApiKey } from '../api-key';
import type { AccountFailure, AccountRef, LookupError } from './lookup-error';
import type { LookupResult } from './lookup-result';

/** A key as the card shows it. */
export interface FoundKey {
  key: ApiKey;
  /** ISO time the API answered. */
  fetchedAt: string;
  /** Only with several accounts: the one that holds it ("Account: Production"). */
  account?: AccountRef;
  /** Whether the key is on the watchlist, as the worker said with a lookup's answer. Left out of
   * answers kept from before (the card then asks). */
  watching?: boolean;
}

/** What a lookup across the accounts shows the user. It never carries a management key. */
export type MergedLookup =
  | {
      ok: true;
      /** In the order of the accounts; more than one only if the same hash is in two accounts. */
      found: [FoundKey, ...FoundKey[]];
      /** Served from the short-lived cache; the popup shows it and asks for a fresh one. */
      cached?: boolean;
      /** Accounts still being asked when this was sent: one of them may hold the hash too. */
      pending?: AccountRef[];
    }
  | { ok: false; error: LookupError };

/**
 * Merges the answers that have come so far, one per account, into what the user sees; null while
 * nothing was found and an account is still to answer. A found key is shown at once: the lookup
 * does not wait for slower accounts to say they do not have it.
 *
 * - One account: its answer, as the single-key version showed it (no account named anywhere).
 * - Found: every account that has it, each named.
 * - Found nowhere: where it was not found (404), and which accounts could not be asked and why.
 *   When no account has a key saved at all, that alone is said, as with one account.
 */
export function mergeAnswers(
  accounts: readonly AccountRef[],
  answers: ReadonlyMap<string, LookupResult>,
): MergedLookup | null {
  const several = accounts.length > 1;
  const found = accounts.flatMap((account): FoundKey[] => {
    const answer = answers.get(account.id);
    if (!answer?.ok) return [];
    return [{ key: answer.key, fetchedAt: answer.fetchedAt, ...(several ? { account: ref(account) } : {}) }];
  });
  const pending = accounts.filter((account) => !answers.has(account.id)).map(ref);
  const [first, ...more] = found;
  if (first) {
    return { ok: true, found: [first, ...more], ...(several && pending.length > 0 ? { pending } : {}) };
  }
  if (pending.length > 0) return null;

  const errors = accounts.flatMap((account): AccountFailure[] => {
    const answer = answers.get(account.id);
    return answer && !answer.ok ? [{ account: ref(account), error: answer.error }] : [];
  });
  const [only] = errors;
  if (!several && only) return { ok: false, error: only.error };
  // The lock locks every account's key at once: it alone is said.
  if (errors.some(({ error }) => error.kind === 'locked')) return { ok: false, error: { kind: 'locked' } };
  if (errors.some(({ error }) => error.kind === 'cancelled')) return { ok: false, error: { kind: 'cancelled' } };
  if (errors.every(({ error }) => error.kind === 'not_configured')) {
    return { ok: false, error: { kind: 'not_configured' } };
  }
  return {
    ok: false,
    error: {
      kind: 'not_in_accounts',
      notFoundIn: errors.filter(({ error }) => error.kind === 'not_found').map(({ account }) => account),
      failed: errors.filter(({ error }) => error.kind !== 'not_found'),
    },
  };
}

/** Only what a page may know: the settings' accounts also carry their base URL. */
function ref({ id, name }: AccountRef): AccountRef {
  return { id, name };
}
