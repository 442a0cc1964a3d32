import { useState } from 'preact/hooks';
import type { KeyStorage, LockView } from '@/utils/lock/views';
import { AutoLockFields } from './AutoLockFields';
import { ChangePassphrase } from './ChangePassphrase';
import { LockNowButton } from './LockNowButton';
import { TurnOffLock } from './TurnOffLock';
import { TurnOnLock } from './TurnOnLock';

const CHOICES: { value: KeyStorage; label: string; hint: string }[] = [
  {
    value: 'plain',
    label: 'On this computer',
    hint: 'In the extension’s storage, as it is: anyone who can read your browser profile can read the keys.',
  },
  {
    value: 'encrypted',
    label: 'On this computer, encrypted with a passphrase',
    hint: 'Unlocked once per browser session with your passphrase, and locked again after a time without use.',
  },
  {
    value: 'memory',
    label: 'In memory only: enter them again after the browser restarts',
    hint: 'Never written to disk; gone when the browser closes.',
  },
];

export interface KeyStorageSectionProps {
  lock: LockView;
  /** The settings form's "memory only" choice, saved with the form while the lock is off. */
  forgetKeyOnClose: boolean;
  onForgetKeyOnClose: (forget: boolean) => void;
  /** The lock was turned on or off, locked, or its settings changed. */
  onLock: (lock: LockView) => void;
  /** The account names, which a passphrase should not lean on. */
  accountNames: string[];
}

/**
 * "Where the keys are kept": one choice of three. Between plain and memory only, Save moves the
 * keys; the lock is turned on and off here, with the passphrase.
 */
export function KeyStorageSection(props: KeyStorageSectionProps) {
  const { lock, forgetKeyOnClose, onForgetKeyOnClose, onLock, accountNames } = props;
  const on = lock.storage === 'encrypted';
  const [chosen, setChosen] = useState<KeyStorage>(on ? 'encrypted' : forgetKeyOnClose ? 'memory' : 'plain');
  function choose(value: KeyStorage) {
    setChosen(value);
    if (!on && value !== 'encrypted') onForgetKeyOnClose(value === 'memory');
  }
  return (
    <fieldset class="field key-storage">
      <legend class="field-label">Where the keys are kept</legend>
      {CHOICES.map(({ value, label, hint }) => (
        <div key={value}>
          <label class="check">
            <input
              type="radio"
              name="keyStorage"
              value={value}
              checked={chosen === value}
              aria-describedby={`key-storage-${value}`}
              onChange={() => choose(value)}
            />
            {label}
          </label>
          <p class="field-hint" id={`key-storage-${value}`}>
            {hint}
          </p>
        </div>
      ))}
      {!on && chosen === 'encrypted' && <TurnOnLock userInputs={accountNames} onDone={onLock} />}
      {on && chosen !== 'encrypted' && <TurnOffLock to={chosen} onDone={onLock} />}
      {on && chosen === 'encrypted' && (
        <>
          <LockNowButton onLocked={() => onLock({ ...lock, locked: true })} />
          <ChangePassphrase userInputs={accountNames} onDone={onLock} />
          <AutoLockFields settings={lock.settings} onDone={onLock} />
        </>
      )}
    </fieldset>
  );
}
