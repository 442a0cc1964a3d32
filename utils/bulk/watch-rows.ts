import { accountMeant } from '../accounts/account-meant';
import type { BulkRow, RowView } from './row';
import type { KeyHash } from '../hash-input';
import type { AccountRef } from '../lookup/lookup-error';

/**
 * "Watch selected" on the bulk page: only a row whose key was found can be watched (a hash no
 * account holds has nothing to watch), so only such a row can be selected.
 */
export const canWatch = (row: BulkRow) => row.result.kind === 'found';

/** The hashes of these rows that can be selected for watching. */
export const selectableHashes = (views: readonly RowView[]): KeyHash[] =>
  views.flatMap(({ row }) => (canWatch(row) ? [row.hash] : []));

/**
 * The `watch` request for a found row: its hash and the id of the account that answered, read off
 * the run's own accounts (a row names its account only when the run asked several; names are
 * unique in the options). Null for a row with nothing to watch.
 */
export function watchRequestOf(
  row: BulkRow,
  accounts: readonly AccountRef[],
): { hash: KeyHash; accountId?: string } | null {
  if (!canWatch(row)) return null;
  // A row names its account by name, and none when the run asked one account.
  const account = row.account === null ? accountMeant(accounts) : accounts.find((a) => a.name === row.account);
  return account ? { hash: row.hash, accountId: account.id } : { hash: row.hash };
}

/** What "Watch selected" came to: keys now watched, and those the worker refused, in its words. */
export interface WatchOutcome {
  watching: number;
  /** After the first refusal no more are asked (each would be refused too): they count here. */
  refused?: { count: number; message: string };
}

const keys = (n: number) => `${n} ${n === 1 ? 'key' : 'keys'}`;

/** "Watching 3 keys." / "Watching 197 keys. 3 keys not watched: You are watching 200 keys, …" */
export function watchOutcomeLine({ watching, refused }: WatchOutcome): string {
  if (!refused) return `Watching ${keys(watching)}.`;
  const left = `${keys(refused.count)} not watched: ${refused.message}`;
  return watching > 0 ? `Watching ${keys(watching)}. ${left}` : left;
}
