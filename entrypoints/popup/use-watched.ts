import { useState } from 'preact/hooks';
import type { WatchedItem } from '@/utils/background/watch-service';
import { describeLookupError } from '@/utils/error-message';
import { askWorker, type WorkerReply } from '@/utils/messaging/worker-client';

interface Watched {
  entries: WatchedItem[];
  thresholds: number[];
}

/** The popup's watched keys: loaded with the popup, and again after "Check now". */
export function useWatched() {
  const [watched, setWatched] = useState<Watched>({ entries: [], thresholds: [] });
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | undefined>(undefined);

  function take(reply: WorkerReply<'watchlist'>) {
    if (reply.ok) setWatched({ entries: reply.entries, thresholds: reply.thresholds });
  }

  async function load() {
    take(await askWorker('watchlist'));
  }

  async function checkNow() {
    setChecking(true);
    setCheckError(undefined);
    const reply = await askWorker('checkWatched');
    setChecking(false);
    if (reply.ok) take(reply);
    else setCheckError(`Could not check: ${describeLookupError(reply.error, new Date()).title}.`);
  }

  return { ...watched, checking, checkError, load, checkNow };
}
