import { LazyUnlockForm } from '@/components/lock/LazyUnlockForm';
import { PanelLookupArea } from '@/components/panel/PanelLookupArea';
import { useLockStatus } from '@/utils/lock/page/use-lock-status';

/**
 * The side panel (Chrome's side panel, Firefox's sidebar): the lookup area, beside the page. While
 * the keys are locked, the unlock form takes its place, so that no card shows and nothing is sent;
 * a lookup that meets the lock (it locked itself meanwhile) brings the form back.
 */
export function App() {
  const lock = useLockStatus();
  return (
    <main class="panel">
      <h1 class="visually-hidden">ModelGates Key Lookup</h1>
      {lock.lock === null ? null : lock.locked ? (
        <LazyUnlockForm intro="Unlock to look up." onUnlocked={lock.setLock} />
      ) : (
        <PanelLookupArea onLocked={() => void lock.refresh()} />
      )}
    </main>
  );
}
