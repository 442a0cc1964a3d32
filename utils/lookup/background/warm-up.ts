import { readSettings } from '../../storage/background/items';
import { preloadManagementKeys } from '../../accounts/background/management-key';
import { readNow } from '../../storage/background/batched-read';

/**
 * Starts reading what every lookup needs (settings, accounts, keys) into the worker's memory as
 * the worker starts: a lookup that woke the worker then finds these reads done or under way
 * instead of starting them after its message has been parsed. A read that fails is simply made
 * again by the lookup. Settles once the reads have (never rejects).
 */
export function warmUp(): Promise<void> {
  const reads = Promise.all([readSettings(), preloadManagementKeys()]);
  // Sent at once: the worker's listeners are registered meanwhile, and the message that woke the
  // worker is handed over only once its whole script has run.
  readNow();
  return reads.then(
    () => undefined,
    () => undefined,
  );
}
