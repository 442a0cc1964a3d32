import { useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import type { WatchedView } from '@/utils/watch/view';

/**
 * The popup's watched keys, in the worker's words: shown from the popup's start reply, loaded again
 * when the popup is cleared, and after "Check now".
 */
export function useWatched() {
  const [entries, setEntries] = useState<WatchedView[]>([]);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | undefined>(undefined);

  async function load() {
    const reply = await askWorker('watchlist');
    if (reply.ok) setEntries(reply.entries);
  }

  async function checkNow() {
    setChecking(true);
    setCheckError(undefined);
    const reply = await askWorker('checkWatched');
    setChecking(false);
    if (reply.ok) setEntries(reply.entries);
    // Only a worker that stopped mid-check, or refused, gets here: each key's own failure is in its row.
    else setCheckError('Could not check the watched keys: the extension did not answer. Try again.');
  }

  return { entries, checking, checkError, show: setEntries, load, checkNow };
}
