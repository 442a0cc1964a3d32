import type { LockView } from '@/utils/lock/views';
import { ForgotPassphrase } from './ForgotPassphrase';
import { UnlockForm } from './UnlockForm';

/** The options page while locked: nothing can change until the keys are unlocked (or removed). */
export function LockedOptions({ onLock }: { onLock: (lock: LockView) => void }) {
  return (
    <main class="options">
      <h1>ModelGates Key Lookup</h1>
      <UnlockForm intro="The management keys are encrypted. Unlock them to change the settings." onUnlocked={onLock} />
      <ForgotPassphrase onDone={onLock} />
    </main>
  );
}
