import { useEffect, useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import type { LockView } from '../views';

/** The lock as a page shows it: null until the worker has said. `refresh` asks again (after a run
 * that met the lock, say); so does the page coming back into focus, since the lock may have been
 * locked (Lock now, the auto-lock) or unlocked elsewhere meanwhile. */
export function useLockStatus() {
  const [lock, setLock] = useState<LockView | null>(null);
  async function refresh(): Promise<LockView | null> {
    const reply = await askWorker('lockStatus');
    const next = reply.ok ? reply.lock : null;
    setLock(next);
    return next;
  }
  useEffect(() => {
    void refresh();
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);
  return { lock, setLock, refresh, locked: lock?.locked ?? false };
}
