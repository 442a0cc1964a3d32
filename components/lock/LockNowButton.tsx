import { askWorker } from '@/utils/messaging/page/worker-client';

/** "Lock now": the derived key leaves the worker at once; the page then shows the unlock form. */
export function LockNowButton({ onLocked }: { onLocked: () => void }) {
  async function lock() {
    const reply = await askWorker('lockNow');
    if (reply.ok) onLocked();
  }
  return (
    <button type="button" class="lock-now" onClick={() => void lock()}>
      Lock now
    </button>
  );
}
