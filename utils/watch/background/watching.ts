import { accountMeant } from '../../accounts/account-meant';
import type { MergedLookup } from '../../lookup/account-answers';
import { watchedOfSavedAccounts } from './check';
import { sameKey } from './watchlist';

/**
 * A lookup's answer as the page gets it: each card says whether its key is on the watchlist, so
 * the card draws its Watch button with it instead of asking the worker once drawn. The watchlist
 * is read while the lookup runs (from memory, once read), not after its answer.
 */
export async function withWatching(answer: Promise<MergedLookup>): Promise<MergedLookup> {
  const watched = watchedOfSavedAccounts();
  const [result, { list, settings }] = await Promise.all([answer, watched]);
  if (!result.ok) return result;
  // With one account, a card names none: its key is in that one.
  const only = accountMeant(settings.accounts)?.id;
  const [first, ...more] = result.found.map((entry) => {
    const accountId = entry.account?.id ?? only;
    const watching = accountId !== undefined && list.some((e) => sameKey(e, { hash: entry.key.hash, accountId }));
    return { ...entry, watching };
  });
  return first ? { ...result, found: [first, ...more] } : result;
}
