import { type LastLookup, kept } from '../../storage/background/items';
import { change, changeKept } from '../../storage/background/memory';

/**
 * Changes the record of the last lookup, one change at a time: the lookup writes it when it starts,
 * when the first answer comes and when every account has answered, and the popup marks it seen in
 * between. Each change reads the record as the previous change left it.
 */
export function updateLastLookup(next: (current: LastLookup | null) => LastLookup | null): Promise<void> {
  return changeKept(change(kept.lastLookup, (current) => next(current) ?? undefined));
}

/** Drops the record of the last lookup when it names this account (which is being removed). */
export function forgetLastLookupOf(accountId: string): Promise<void> {
  return updateLastLookup((last) => {
    const result = last?.result;
    if (!result) return last;
    const named = result.ok
      ? result.found.map((found) => found.account)
      : result.error.kind === 'not_in_accounts'
        ? [...result.error.notFoundIn, ...result.error.failed.map((failure) => failure.account)]
        : [];
    return named.some((account) => account?.id === accountId) ? null : last;
  });
}
