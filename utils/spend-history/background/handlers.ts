import { accountMeant } from '../../accounts/account-meant';
import type { HandlersOf } from '../../messaging/background/handler';
import { readSettings } from '../../storage/background/items';
import { readWatchlist, sameKey } from '../../watch/background/watchlist';
import type { spendHistoryContract } from '../contract';
import type { SpendHistoryView } from '../view';
import { readSpendHistory } from './spend-store';

/** A key's history, with its name, its account (when there are several) and whether it is watched. */
export async function spendHistory(request: { hash: string; accountId?: string }) {
  const { accounts } = await readSettings();
  const account = accountMeant(accounts, request.accountId);
  if (!account) return { ok: false as const, message: 'The key’s account is not one of your saved accounts.' };
  const ref = { hash: request.hash, accountId: account.id };
  const [{ samples, reset }, watchlist] = await Promise.all([readSpendHistory(ref), readWatchlist()]);
  const watched = watchlist.find((entry) => sameKey(entry, ref));
  const history: SpendHistoryView = {
    hash: ref.hash,
    name: watched?.state.key?.name ?? null,
    ...(accounts.length > 1 ? { account: account.name } : {}),
    watching: watched !== undefined,
    reset,
    samples,
  };
  return { ok: true as const, history };
}

export const spendHistoryHandlers = {
  spendHistory: { answer: spendHistory },
} satisfies HandlersOf<typeof spendHistoryContract>;
