import { useEffect, useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import type { LockView } from '../views';

/** The lock as a page shows it: null until the worker has said. `refresh` asks again (after a run
 * that met the lock, say). */
export function useLockStatus() {
  const [lock, setLock] = useState<LockView | null>(null);
  async function refresh(): Promise<LockView | null> {
    const reply = await askWorker('lockStatus');
    const next = reply.ok ? reply.lock : null;
    setLock(next);
    return next;
  }
  useEffect(() => void refresh(), []);
  return { lock, setLock, refresh, locked: lock?.locked ?? false };
}
