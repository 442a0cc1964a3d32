import { useEffect, useState } from 'preact/hooks';
import type { KeyHash } from '@/utils/hash-input';
import { askWorker, type WorkerReply } from '@/utils/messaging/page/worker-client';

export interface WatchToggleProps {
  hash: KeyHash;
  /** The card's account; left out when there is one account. */
  accountId?: string;
}

/** Why the worker said no, in words (it says why it refused; otherwise it did not answer). */
export const refusalText = (reply: WorkerReply<'watch'>) =>
  !reply.ok && 'message' in reply ? reply.message : 'The extension did not answer. Try again.';

/**
 * "Watch" on a key's card: a toggle button (aria-pressed) named "Watching" while the key is on
 * the watchlist. It asks the worker itself, so any page showing a card gets it by rendering it.
 */
export function WatchToggle({ hash, accountId }: WatchToggleProps) {
  // undefined until the worker has said: the button is not offered before its state is known.
  const [watching, setWatching] = useState<boolean | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = accountId === undefined ? { hash } : { hash, accountId };

  useEffect(() => {
    let current = true;
    void askWorker('watchStatus', request).then((reply) => current && reply.ok && setWatching(reply.watching));
    return () => {
      current = false;
    };
  }, [hash, accountId]);

  async function toggle() {
    setBusy(true);
    setError(null);
    const reply = await askWorker(watching ? 'unwatch' : 'watch', request);
    setBusy(false);
    if (reply.ok) setWatching(reply.watching);
    else setError(refusalText(reply));
  }

  if (watching === undefined) return null;
  return (
    <>
      <button type="button" class="button--small" aria-pressed={watching} disabled={busy} onClick={() => void toggle()}>
        {watching ? 'Watching' : 'Watch'}
      </button>
      {error && (
        <p class="field-error card-toolbar__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
