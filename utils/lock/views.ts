import type { LockSettings } from './lock-settings';

/** Where the management keys are kept: the options' three choices. */
export type KeyStorage = 'plain' | 'encrypted' | 'memory';

/** What a page may know of the lock: never the passphrase, the key derived from it, or a key. */
export interface LockView {
  storage: KeyStorage;
  /** The lock is on and not unlocked: nothing can be looked up. */
  locked: boolean;
  /** ISO time the next unlock try may be made, while wrong passphrases make it wait. */
  retryAt: string | null;
  settings: LockSettings;
}
