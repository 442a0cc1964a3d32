import type { AlertSettings } from '../../alert-settings';
import { DEFAULT_ALERT_SETTINGS } from '../../alert-settings-check';
import { alertSettingsItem, type WatchEntry, watchlistItem } from './items';

export { alertSettingsItem, type WatchEntry, watchlistItem };

// Reading and changing the watchlist and the alert settings; their storage items are in items.ts.

/** At most this many watched keys: a check asks for each one. */
export const MAX_WATCHED = 200;

export async function readAlertSettings(): Promise<AlertSettings> {
  return { ...DEFAULT_ALERT_SETTINGS, ...(await alertSettingsItem.getValue()) };
}

export const sameKey = (a: { hash: string; accountId: string }, b: { hash: string; accountId: string }) =>
  a.hash === b.hash && a.accountId === b.accountId;

export async function readWatchlist(): Promise<WatchEntry[]> {
  const list = await watchlistItem.getValue();
  return Array.isArray(list) ? list : [];
}

/**
 * Changes the list from what is stored now, not from an earlier read, so a check that took a
 * minute does not undo a watch or unwatch made meanwhile. Writes are queued one after another.
 */
let queue: Promise<unknown> = Promise.resolve();
export function updateWatchlist<T>(change: (list: WatchEntry[]) => { list: WatchEntry[]; result: T }): Promise<T> {
  const next = queue.then(async () => {
    const { list, result } = change(await readWatchlist());
    await watchlistItem.setValue(list.slice(0, MAX_WATCHED));
    return result;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** An account was removed: its watched keys go with it. */
export function forgetWatchedOf(accountId: string): Promise<void> {
  return updateWatchlist((list) => ({ list: list.filter((e) => e.accountId !== accountId), result: undefined }));
}
