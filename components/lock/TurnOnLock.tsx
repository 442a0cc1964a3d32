import { useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { MIN_PASSPHRASE_LENGTH } from '@/utils/lock/passphrase-rules';
import { newPassphraseProblem } from '@/utils/lock/page/new-passphrase';
import { useLockAction } from '@/utils/lock/page/use-lock-action';
import type { LockView } from '@/utils/lock/views';
import { PassphraseField } from './PassphraseField';

export interface TurnOnLockProps {
  /** Words of the user's own that a passphrase should not lean on (the account names). */
  userInputs: string[];
  onDone: (lock: LockView) => void;
}

/** "Passphrase", "Repeat passphrase", "Turn on lock": a refused passphrase changes nothing. */
export function TurnOnLock({ userInputs, onDone }: TurnOnLockProps) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useLockAction((lock) => {
    setPassphrase('');
    setRepeat('');
    onDone(lock);
  });
  const turnOn = () =>
    void action.run(
      () => askWorker('turnOnLock', { passphrase }),
      () => newPassphraseProblem(passphrase, repeat, userInputs),
    );
  const described = action.error ? 'lock-on-error lock-on-hint' : 'lock-on-hint';
  return (
    <div class="lock-panel" role="group" aria-labelledby="lock-on-heading">
      <h3 id="lock-on-heading" class="field-label">
        Turn on the lock
      </h3>
      <p class="field-hint" id="lock-on-hint">
        At least {MIN_PASSPHRASE_LENGTH} characters; a few uncommon words are easy to remember and hard to guess. It is
        never stored: if you forget it, the saved keys cannot be recovered.
      </p>
      <PassphraseField
        id="lock-on-passphrase"
        label="Passphrase"
        value={passphrase}
        onInput={setPassphrase}
        onEnter={turnOn}
        describedBy={described}
        invalid={action.error !== null}
        autoComplete="new-password"
        autoFocus
      />
      <PassphraseField
        id="lock-on-repeat"
        label="Repeat passphrase"
        value={repeat}
        onInput={setRepeat}
        onEnter={turnOn}
        autoComplete="new-password"
      />
      {action.error && (
        <p id="lock-on-error" class="field-error" role="alert">
          {action.error}
        </p>
      )}
      <div class="button-row">
        <button type="button" class="primary" onClick={turnOn} aria-busy={action.busy ? true : undefined}>
          Turn on lock
        </button>
      </div>
      <p role="status" class="status">
        {action.busy ? 'Encrypting the keys…' : ''}
      </p>
    </div>
  );
}
