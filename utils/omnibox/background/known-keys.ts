import type { KnownKey } from '../suggestion';
import { DEFAULT_ALERT_RULES } from '../../watch/alerts';
import { watchedView } from '../../watch/view';
import { labelHistory, readHistory } from '../../lookup/background/history';
import { readSettings } from '../../storage/background/items';
import { readWatchlist, sameKey } from '../../watch/background/watchlist';

/**
 * The keys a partial input in the address bar may mean: the lookup history, newest first, then the
 * watched keys it does not hold (a key watched long ago may have left the history), each with its
 * account's name when there are several. Read from storage only; nothing is asked.
 */
export async function knownKeys(now = new Date()): Promise<KnownKey[]> {
  const [history, watchlist, settings] = await Promise.all([readHistory(), readWatchlist(), readSettings()]);
  const several = settings.accounts.length > 1;
  const accountName = (id: string) => (several ? settings.accounts.find((a) => a.id === id)?.name : undefined);
  const fromHistory = labelHistory(history, settings.accounts).map((entry) => ({
    hash: entry.hash,
    name: entry.name,
    status: entry.status.text,
    ...(entry.account !== undefined ? { account: entry.account } : {}),
  }));
  const fromWatchlist = watchlist
    .filter((watched) => !history.some((entry) => sameKey(entry, watched)))
    .map((watched) => {
      const view = watchedView(watched, now, DEFAULT_ALERT_RULES);
      const status = watched.state.gone ? 'No longer exists' : view.status?.text;
      const account = accountName(watched.accountId);
      return {
        hash: watched.hash,
        name: watched.state.key?.name ?? null,
        ...(status !== undefined ? { status } : {}),
        ...(account !== undefined ? { account } : {}),
      };
    });
  return [...fromHistory, ...fromWatchlist];
}
