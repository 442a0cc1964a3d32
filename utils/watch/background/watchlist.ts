import type { AlertSettings } from '../alert-settings';
import { DEFAULT_ALERT_SETTINGS } from '../alert-settings-check';
import { alertSettingsItem, kept, type WatchEntry, watchlistItem } from '../../storage/background/items';
import { change, changeKept, readKept } from '../../storage/background/memory';

export { alertSettingsItem, type WatchEntry, watchlistItem };

// Reading and changing the watchlist and the alert settings; their storage items are in items.ts.

/** At most this many watched keys: a check asks for each one. */
export const MAX_WATCHED = 200;

export async function readAlertSettings(): Promise<AlertSettings> {
  return { ...DEFAULT_ALERT_SETTINGS, ...(await readKept(kept.alertSettings)) };
}

export const sameKey = (a: { hash: string; accountId: string }, b: { hash: string; accountId: string }) =>
  a.hash === b.hash && a.accountId === b.accountId;

export async function readWatchlist(): Promise<WatchEntry[]> {
  const list = await readKept(kept.watchlist);
  return Array.isArray(list) ? list : [];
}

/**
 * Changes the list from what is stored now, not from an earlier read, so a check that took a
 * minute does not undo a watch or unwatch made meanwhile: changes are applied one after another.
 */
export async function updateWatchlist<T>(edit: (list: WatchEntry[]) => { list: WatchEntry[]; result: T }): Promise<T> {
  let result: { value: T } | undefined;
  await changeKept(
    change(kept.watchlist, (stored) => {
      const next = edit(Array.isArray(stored) ? stored : []);
      result = { value: next.result };
      return next.list.slice(0, MAX_WATCHED);
    }),
  );
  if (!result) throw new Error('The watchlist was not changed');
  return result.value;
}

/** An account was removed: its watched keys go with it. */
export function forgetWatchedOf(accountId: string): Promise<void> {
  return updateWatchlist((list) => ({ list: list.filter((e) => e.accountId !== accountId), result: undefined }));
}
