import { useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { newPassphraseProblem } from '@/utils/lock/page/new-passphrase';
import { useLockAction } from '@/utils/lock/page/use-lock-action';
import type { LockView } from '@/utils/lock/views';
import { PassphraseField } from './PassphraseField';

/** "Change passphrase": the current one first, then the new one twice (the same rules as turning on). */
export function ChangePassphrase({ userInputs, onDone }: { userInputs: string[]; onDone: (lock: LockView) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [changed, setChanged] = useState(false);
  const action = useLockAction((lock) => {
    setChanged(true);
    onDone(lock);
  });
  const change = () => {
    setChanged(false);
    void action.run(
      async () => {
        const reply = await askWorker('changePassphrase', { current, next });
        if (reply.ok) [setCurrent, setNext, setRepeat].forEach((clear) => clear(''));
        else setCurrent('');
        return reply;
      },
      () => newPassphraseProblem(next, repeat, userInputs),
    );
  };
  return (
    <div class="lock-panel" role="group" aria-labelledby="lock-change-heading">
      <h3 id="lock-change-heading" class="field-label">
        Change passphrase
      </h3>
      <PassphraseField
        id="lock-current"
        label="Current passphrase"
        value={current}
        onInput={setCurrent}
        onEnter={change}
        autoComplete="current-password"
      />
      <PassphraseField
        id="lock-new"
        label="New passphrase"
        value={next}
        onInput={setNext}
        onEnter={change}
        describedBy={action.error ? 'lock-change-error' : undefined}
        invalid={action.error !== null}
        autoComplete="new-password"
      />
      <PassphraseField
        id="lock-new-repeat"
        label="Repeat new passphrase"
        value={repeat}
        onInput={setRepeat}
        onEnter={change}
        autoComplete="new-password"
      />
      {action.error && (
        <p id="lock-change-error" class="field-error" role="alert">
          {action.error}
        </p>
      )}
      <div class="button-row">
        <button type="button" onClick={change} aria-busy={action.busy ? true : undefined}>
          Change passphrase
        </button>
      </div>
      <p role="status" class={changed ? 'status status--ok' : 'status'}>
        {action.busy ? 'Encrypting the keys again…' : changed ? 'Passphrase changed.' : ''}
      </p>
    </div>
  );
}
