import type { PopupStartReply } from '../contract';
import { listWatched } from '../../watch/background/service';
import { readHistoryAfterLookups, takeUnseenLookup } from './lookup-service';

/**
 * Everything the empty popup shows, in one reply, so that it asks the worker once: the
 * context-menu lookup it has not shown yet (null when there is none), the history and the watched
 * keys.
 */
export async function popupStart(): Promise<PopupStartReply> {
  const [last, history, watched] = await Promise.all([takeUnseenLookup(), readHistoryAfterLookups(), listWatched()]);
  return { ok: true, last, history, watched: watched.entries };
}
