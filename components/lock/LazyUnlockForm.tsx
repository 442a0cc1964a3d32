import { useEffect, useState } from 'preact/hooks';
import type { LockNowButton } from './LockNowButton';
import type { UnlockForm, UnlockFormProps } from './UnlockForm';

type Views = { UnlockForm: typeof UnlockForm; LockNowButton: typeof LockNowButton };
let loading: Promise<Views> | undefined;
const load = () =>
  (loading ??= Promise.all([import('./UnlockForm'), import('./LockNowButton')]).then(([form, button]) => ({
    UnlockForm: form.UnlockForm,
    LockNowButton: button.LockNowButton,
  })));

/** Loads one of the lock's views on first use: the popup carries none of their code before its
 * field takes keys (most openings never need them). */
function useLockViews(): Views | undefined {
  const [views, setViews] = useState<Views | undefined>(undefined);
  useEffect(() => void load().then((loaded) => setViews(() => loaded)), []);
  return views;
}

/** The unlock form for the popup, once loaded ("Locked" meanwhile). */
export function LazyUnlockForm(props: UnlockFormProps) {
  const views = useLockViews();
  return views ? <views.UnlockForm {...props} /> : <p class="status">Locked</p>;
}

/** "Lock now" for the popup, once loaded. */
export function LazyLockNowButton(props: { onLocked: () => void }) {
  const views = useLockViews();
  return views ? <views.LockNowButton {...props} /> : null;
}
