import { useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { useLockAction } from '@/utils/lock/page/use-lock-action';
import type { LockView } from '@/utils/lock/views';
import { PassphraseField } from './PassphraseField';

export interface TurnOffLockProps {
  to: 'plain' | 'memory';
  onDone: (lock: LockView) => void;
}

/** Turning the lock off asks the passphrase, and says first where the keys go. */
export function TurnOffLock({ to, onDone }: TurnOffLockProps) {
  const [passphrase, setPassphrase] = useState('');
  const action = useLockAction(onDone);
  const turnOff = () =>
    void action.run(async () => {
      const reply = await askWorker('turnOffLock', { passphrase, to });
      setPassphrase('');
      return reply;
    });
  return (
    <div class="lock-panel" role="group" aria-labelledby="lock-off-heading">
      <h3 id="lock-off-heading" class="field-label">
        Turn off the lock
      </h3>
      <p class="notice notice--warning" id="lock-off-warning">
        {to === 'plain'
          ? 'The keys go back to plain storage on this computer: anyone who can read your browser profile can read them.'
          : 'The keys are decrypted and kept in memory only: they are gone when the browser closes, and you enter them again.'}
      </p>
      <PassphraseField
        id="lock-off-passphrase"
        label="Passphrase"
        value={passphrase}
        onInput={setPassphrase}
        onEnter={turnOff}
        describedBy={action.error ? 'lock-off-error lock-off-warning' : 'lock-off-warning'}
        invalid={action.error !== null}
        autoComplete="current-password"
        autoFocus
      />
      {action.error && (
        <p id="lock-off-error" class="field-error" role="alert">
          {action.error}
        </p>
      )}
      <div class="button-row">
        <button type="button" class="danger" onClick={turnOff} aria-busy={action.busy ? true : undefined}>
          Turn off lock
        </button>
      </div>
    </div>
  );
}
