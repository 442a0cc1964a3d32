import type { PopupStartReply } from '../contract';
import { listWatched } from '../../watch/background/service';
import { readHistoryAfterLookups, takeUnseenLookup } from './lookup-service';
import { LOCKED, vaultKeys } from '../../lock/background/vault';

/**
 * Everything the empty popup shows, in one reply, so that it asks the worker once: the
 * context-menu lookup it has not shown yet (null when there is none), the history and the watched
 * keys; and whether the lock is on and locked.
 */
export async function popupStart(): Promise<PopupStartReply> {
  const keys = await vaultKeys();
  const lock = { on: keys !== 'off', locked: keys === LOCKED };
  // Locked: a right-click lookup stays unseen, for the popup that opens after the unlock.
  if (lock.locked) return { ok: true, lock, last: null, history: [], watched: [] };
  const [last, history, watched] = await Promise.all([takeUnseenLookup(), readHistoryAfterLookups(), listWatched()]);
  return { ok: true, lock, last, history, watched: watched.entries };
}
