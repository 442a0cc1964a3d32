import { ask } from '../messaging/contract-kit';
import { noPayload } from '../messaging/schemas';
import { z } from '../zod';
import type { LockView } from './views';

const passphrase = () => z.string().check(z.maxLength(1024));

export type LockReply = { ok: true; lock: LockView };

/** Why a lock action changed nothing, with the words to show. */
export interface LockRefused {
  ok: false;
  reason: 'wrong_passphrase' | 'wait' | 'damaged' | 'weak' | 'off' | 'on' | 'invalid';
  message: string;
  /** ISO time the next passphrase may be tried (the back-off after wrong ones). */
  retryAt?: string;
}

const lockSettingsRequest = () =>
  z.strictObject({
    autoLockMinutes: z.number(),
    lockWithComputer: z.boolean(),
  });

/** The lock: the management keys sealed with a passphrase (utils/lock/vault-crypto.ts). */
export const lockContract = {
  lockStatus: ask<LockReply>()(noPayload),
  unlock: ask<LockReply | LockRefused>()(() => z.strictObject({ passphrase: passphrase() })),
  lockNow: ask<LockReply>()(noPayload),
  /** Seals every saved key and removes each plain copy. */
  turnOnLock: ask<LockReply | LockRefused>()(() => z.strictObject({ passphrase: passphrase() })),
  /** Asks the passphrase; the keys go back to plain storage, or to memory only. */
  turnOffLock: ask<LockReply | LockRefused>()(() =>
    z.strictObject({ passphrase: passphrase(), to: z.enum(['plain', 'memory']) }),
  ),
  changePassphrase: ask<LockReply | LockRefused>()(() => z.strictObject({ current: passphrase(), next: passphrase() })),
  /** "Forgot passphrase?": the sealed keys are removed for good; the accounts stay, without keys. */
  removeSavedKeys: ask<LockReply>()(noPayload),
  saveLockSettings: ask<LockReply | LockRefused>()(lockSettingsRequest),
};
