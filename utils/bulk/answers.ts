import { mergeAnswers } from '../lookup/account-answers';
import type { BulkRow } from './row';
import type { KeyHash } from '../hash-input';
import type { AccountRef, LookupError } from '../lookup/lookup-error';
import type { LookupResult } from '../lookup/lookup-result';
import type { Answer, RunItem } from '../scheduler/outcome';

/**
 * Between the scheduler and the table: a run asks each account about each hash (one item per
 * pair, so each account has its own queue and pace), and a row merges a hash's answers the way
 * the popup merges a lookup across accounts.
 */

export type AccountAnswer = Answer<LookupResult, LookupError>;

export interface BulkItem extends RunItem {
  hash: KeyHash;
}

export const itemId = (accountId: string, hash: KeyHash) => `${accountId}/${hash}`;

/** Hash by hash, each asked in every account. */
export function runItems(hashes: readonly KeyHash[], accounts: readonly AccountRef[]): BulkItem[] {
  return hashes.flatMap((hash) => accounts.map(({ id }) => ({ id: itemId(id, hash), account: id, hash })));
}

const resultOf = (answer: AccountAnswer): LookupResult =>
  answer.kind === 'done' ? answer.value : { ok: false, error: answer.error };

/** A hash's row from the answers so far: found as soon as one account has it; pending until
 * every account has answered otherwise. The account is named only when there are several. */
export function rowOf(
  hash: KeyHash,
  accounts: readonly AccountRef[],
  answers: ReadonlyMap<string, AccountAnswer>,
): BulkRow {
  const results = new Map<string, LookupResult>();
  for (const { id } of accounts) {
    const answer = answers.get(itemId(id, hash));
    if (answer) results.set(id, resultOf(answer));
  }
  const merged = results.size === 0 ? null : mergeAnswers(accounts, results);
  if (merged === null) return { hash, account: null, result: { kind: 'pending' } };
  if (merged.ok) {
    const [first] = merged.found;
    return {
      hash,
      account: first.account?.name ?? null,
      result: { kind: 'found', key: first.key, fetchedAt: first.fetchedAt },
    };
  }
  const { error } = merged;
  const nowhere = error.kind === 'not_found' || (error.kind === 'not_in_accounts' && error.failed.length === 0);
  return { hash, account: null, result: nowhere ? { kind: 'not_found' } : { kind: 'error', error } };
}
