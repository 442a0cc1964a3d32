import { useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { AUTO_LOCK_CHOICES, autoLockLabel, type LockSettings } from '@/utils/lock/lock-settings';
import type { LockView } from '@/utils/lock/views';

const FIREFOX_NOTE =
  'Firefox cannot tell when the screen locks: there the keys lock after 5 minutes without input on the computer.';

/** When the lock locks by itself; each change is saved at once. */
export function AutoLockFields({ settings, onDone }: { settings: LockSettings; onDone: (lock: LockView) => void }) {
  const [status, setStatus] = useState('');
  async function save(patch: { autoLockMinutes?: number; lockWithComputer?: boolean }) {
    const reply = await askWorker('saveLockSettings', { ...settings, ...patch });
    if (!reply.ok) return setStatus('reason' in reply ? reply.message : 'The setting could not be saved. Try again.');
    setStatus('Saved.');
    onDone(reply.lock);
  }
  return (
    <div class="lock-panel" role="group" aria-labelledby="auto-lock-heading">
      <h3 id="auto-lock-heading" class="field-label">
        Locking by itself
      </h3>
      <p class="field-hint">It always locks when the browser closes.</p>
      <div class="field">
        <label for="auto-lock-minutes" class="field-label">
          Lock after a time without use
        </label>
        <select
          id="auto-lock-minutes"
          value={String(settings.autoLockMinutes)}
          onChange={(event) => void save({ autoLockMinutes: Number(event.currentTarget.value) })}
        >
          {AUTO_LOCK_CHOICES.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {autoLockLabel(minutes)}
            </option>
          ))}
        </select>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.lockWithComputer}
          aria-describedby="lock-computer-hint"
          onChange={(event) => void save({ lockWithComputer: event.currentTarget.checked })}
        />
        Also lock when the computer locks
      </label>
      <p class="field-hint" id="lock-computer-hint">
        {import.meta.env.FIREFOX ? FIREFOX_NOTE : 'When the screen locks or the screensaver starts.'}
      </p>
      <p role="status" class="status">
        {status}
      </p>
    </div>
  );
}
