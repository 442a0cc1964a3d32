import type { KnownKey } from '../omnibox-suggestion';
import { labelHistory, readHistory } from './store/history';
import { readSettings } from './store/items';

/**
 * The keys a partial input in the address bar may mean, newest first: the lookup history, each
 * entry with its account's name when there are several. Read from storage only; nothing is asked.
 */
export async function knownKeys(): Promise<KnownKey[]> {
  const [entries, settings] = await Promise.all([readHistory(), readSettings()]);
  return labelHistory(entries, settings.accounts).map((entry) => ({
    hash: entry.hash,
    name: entry.name,
    status: entry.status.text,
    ...(entry.account !== undefined ? { account: entry.account } : {}),
  }));
}
