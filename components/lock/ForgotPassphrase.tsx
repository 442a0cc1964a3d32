import { useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import type { LockView } from '@/utils/lock/views';

/** "Forgot passphrase?" → "Remove all saved keys", after saying plainly that they cannot be recovered. */
export function ForgotPassphrase({ onDone }: { onDone: (lock: LockView) => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    const reply = await askWorker('removeSavedKeys');
    if (reply.ok) return onDone(reply.lock);
    setError('The keys could not be removed: the extension did not answer. Try again.');
  }
  if (!asking) {
    return (
      <button type="button" class="button--small" onClick={() => setAsking(true)}>
        Forgot passphrase?
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-labelledby="forgot-question">
      <p id="forgot-question">
        Without the passphrase the saved keys cannot be recovered: nobody can decrypt them, not even the extension.
        Remove them? Your accounts stay, without keys, and you enter each management key again.
      </p>
      <div class="button-row">
        <button type="button" class="danger" onClick={() => void remove()}>
          Remove all saved keys
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
