import { readSettings } from '../../storage/background/items';
import { preloadManagementKeys } from '../../accounts/background/management-key';

/**
 * Starts reading what every lookup needs (settings, accounts, keys) into the worker's memory as
 * the worker starts: a lookup that woke the worker then finds these reads done or under way
 * instead of starting them after its message has been parsed. A read that fails is simply made
 * again by the lookup. Settles once the reads have (never rejects).
 */
export function warmUp(): Promise<void> {
  return Promise.all([readSettings(), preloadManagementKeys()]).then(
    () => undefined,
    () => undefined,
  );
}
