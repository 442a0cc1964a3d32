import type { KeyHash } from '../../hash-input';
import { readSettings } from '../../storage/background/items';
import { listWatched } from '../../watch/background/service';
import type { PopupStartReply } from '../contract';
import type { RecentAnswer } from '../recent-answers';
import { cachedAnswer, readHistoryAfterLookups, takeUnseenLookup } from './lookup-service';
import { LOCKED, vaultKeys } from '../../lock/background/vault';

/**
 * Everything the empty popup shows, in one reply, so that it asks the worker once: whether the
 * lock is on and locked; the context-menu lookup it has not shown yet (null when there is none),
 * the history, the watched keys, and the fresh cached answers for the history's keys, so that
 * looking one of them up again shows its card at once, without waiting for the worker.
 */
export async function popupStart(): Promise<PopupStartReply> {
  const keys = await vaultKeys();
  const lock = { on: keys !== 'off', locked: keys === LOCKED };
  // Locked: a right-click lookup stays unseen, for the popup that opens after the unlock.
  if (lock.locked) return { ok: true, lock, last: null, history: [], watched: [], recent: [], cacheSeconds: 0 };
  const [last, history, watched, settings] = await Promise.all([
    takeUnseenLookup(),
    readHistoryAfterLookups(),
    listWatched(),
    readSettings(),
  ]);
  const hashes = [...new Set(history.map((entry) => entry.hash as KeyHash))];
  const answers = await Promise.all(hashes.map((hash) => cachedAnswer(hash, settings)));
  const recent = answers.flatMap((result, i): RecentAnswer[] => {
    const hash = hashes[i];
    return result && hash ? [{ hash, result }] : [];
  });
  return { ok: true, lock, last, history, watched: watched.entries, recent, cacheSeconds: settings.cacheSeconds };
}
