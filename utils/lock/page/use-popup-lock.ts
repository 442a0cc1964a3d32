import { useEffect, useRef, useState } from 'preact/hooks';
import type { KeyHash } from '@/utils/hash-input';
import type { View } from '@/utils/lookup/page/use-lookup';
import { askWorker } from '@/utils/messaging/page/worker-client';

/** What the popup's lock needs of its lookups (utils/lookup/page/use-lookup-entry.ts). */
interface Entry {
  view: View;
  pick: (hash: KeyHash) => void;
  show: (view: View) => void;
  clear: () => boolean;
}

/**
 * The popup's lock: on or off, locked or not (from the start reply), and what follows a lookup
 * that met the lock: the unlock form, then that key looked up again once unlocked. `restart`
 * asks for the start reply again (the history and watched keys a locked popup did not get).
 */
export function usePopupLock(entry: Entry, restart: () => Promise<void>) {
  const [lock, setLock] = useState({ on: false, locked: false });
  /** The hash whose lookup met the lock. */
  const lockedHash = useRef<KeyHash | null>(null);
  const { view } = entry;

  // A lookup that met the lock (it locked itself meanwhile, or a right-click while locked): the
  // unlock form, unless it has been unlocked since, when the key is looked up again.
  useEffect(() => {
    if (view.kind !== 'result' || view.result.ok || view.result.error.kind !== 'locked') return;
    const { hash } = view;
    void askWorker('lockStatus').then((reply) => {
      if (reply.ok && !reply.lock.locked && hash) return entry.pick(hash);
      lockedHash.current = hash;
      setLock({ on: true, locked: true });
    });
  }, [view]);

  async function unlocked() {
    setLock({ on: true, locked: false });
    const hash = lockedHash.current;
    lockedHash.current = null;
    entry.show({ kind: 'idle' });
    await restart();
    if (hash) entry.pick(hash);
  }

  function locked() {
    entry.clear();
    setLock({ on: true, locked: true });
  }

  return { lock, setLock, unlocked, locked };
}
