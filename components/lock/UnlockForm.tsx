import { useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { describeLookupError } from '@/utils/lookup/error-message';
import type { LockView } from '@/utils/lock/views';

export interface UnlockFormProps {
  onUnlocked: (lock: LockView) => void;
  /** What unlocking is for, under "Locked": "Unlock to look up". */
  intro?: string;
  /** The field takes the focus as the page opens (the popup, the card page). */
  autoFocus?: boolean;
}

/**
 * "Locked", a "Passphrase" field and "Unlock" (Enter works). A wrong passphrase says so, and after
 * five the worker's wait in words; the field is emptied after each try, so the passphrase never
 * stays on the page.
 */
export function UnlockForm({ onUnlocked, intro, autoFocus = true }: UnlockFormProps) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (passphrase === '') return setError('Enter your passphrase.');
    setBusy(true);
    setError(null);
    const reply = await askWorker('unlock', { passphrase });
    setBusy(false);
    setPassphrase('');
    if (reply.ok) return onUnlocked(reply.lock);
    setError('reason' in reply ? reply.message : describeLookupError(reply.error, new Date()).body);
  }

  return (
    <section class="unlock" aria-labelledby="unlock-heading">
      <h2 id="unlock-heading" class="unlock__title">
        Locked
      </h2>
      <p class="field-hint" id="unlock-hint">
        {intro ?? 'The management keys are encrypted. Enter your passphrase to unlock them until the browser closes.'}
      </p>
      <form class="lookup-form" onSubmit={(event) => void submit(event)}>
        <label for="unlock-passphrase" class="field-label">
          Passphrase
        </label>
        <div class="lookup-row">
          <input
            id="unlock-passphrase"
            type="password"
            autoComplete="current-password"
            autoFocus={autoFocus}
            value={passphrase}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'unlock-error unlock-hint' : 'unlock-hint'}
            onInput={(event) => setPassphrase(event.currentTarget.value)}
          />
          <button type="submit" class="primary" aria-busy={busy ? true : undefined}>
            Unlock
          </button>
        </div>
        <p role="status" class="status">
          {busy ? 'Unlocking…' : ''}
        </p>
        {error && (
          <p id="unlock-error" class="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
