import { readHistoryAfterLookups, takeUnseenLookup } from './lookup-service';

/**
 * Everything the empty popup shows, in one reply, so that it asks the worker once: the
 * context-menu lookup it has not shown yet (null when there is none) and the history. A part the
 * popup gains later (the watched keys) is one more field here.
 */
export async function popupStart() {
  const [last, history] = await Promise.all([takeUnseenLookup(), readHistoryAfterLookups()]);
  return { ok: true as const, last, history };
}
