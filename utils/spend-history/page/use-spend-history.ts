import { useEffect, useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import type { KeyHash } from '@/utils/hash-input';
import type { SpendHistoryView } from '@/utils/spend-history/view';
import { WATCH_CHANGED } from '@/utils/watch/page/watch-changed';

/**
 * A key's spend history from the worker: asked when the card shows the key, again after each new
 * answer (a refresh adds a point), and when the key starts or stops being watched. undefined
 * until the worker has answered; null when it could not.
 */
export function useSpendHistory(hash: KeyHash, accountId: string | undefined, fetchedAt: string) {
  const [history, setHistory] = useState<SpendHistoryView | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    const load = () => {
      const request = accountId === undefined ? { hash } : { hash, accountId };
      void askWorker('spendHistory', request).then((reply) => {
        if (current) setHistory(reply.ok ? reply.history : null);
      });
    };
    load();
    window.addEventListener(WATCH_CHANGED, load);
    return () => {
      current = false;
      window.removeEventListener(WATCH_CHANGED, load);
    };
  }, [hash, accountId, fetchedAt]);

  return history;
}
