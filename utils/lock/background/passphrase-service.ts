import { sealManagementKeys, unsealManagementKeys } from '../../accounts/background/management-key';
import { kept } from '../../storage/background/items';
import { change, changeKept, readKept } from '../../storage/background/memory';
import { NO_FAILURES, nextTryAt, waitWords, withFailure } from '../backoff';
import type { LockRefused, LockReply } from '../contract';
import { isAutoLockChoice, type LockSettings } from '../lock-settings';
import { lengthProblem } from '../passphrase-rules';
import {
  aesKeyOf,
  isIntact,
  keyBytesFor,
  newVaultKey,
  openVault,
  PBKDF2_ITERATIONS,
  sealVault,
  type VaultContents,
} from '../vault-crypto';
import { lockRemoved, lockView, scheduleAutoLock, unlocked } from './lock-state';
import { isVaultOn, LOCKED, readVaultRecord, removeVault, storeVault, vaultKeys } from './vault';

type Reply = Promise<LockReply | LockRefused>;
const refused = (reason: LockRefused['reason'], message: string, retryAt?: Date): LockRefused => ({
  ok: false,
  reason,
  message,
  ...(retryAt ? { retryAt: retryAt.toISOString() } : {}),
});
const ready = async (): Promise<LockReply> => ({ ok: true, lock: await lockView() });

export const DAMAGED =
  'The saved keys could not be decrypted: their record was changed or damaged outside the extension. Nothing was removed. If it cannot be restored, use “Forgot passphrase?” to remove the saved keys and enter them again.';
const OFF = 'The lock is off: the keys are not encrypted.';

// One passphrase at a time: two tries sent at once must not both pass the back-off.
let tries: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
  const next = tries.then(run, run);
  // The chain only orders the tries: each caller gets its own try's failure through `next`.
  tries = next.catch(() => {});
  return next;
}

/**
 * Checks a passphrase against the sealed record, with the back-off after wrong ones: the record's
 * keys, the key derived from it, and the record, or why not. A wrong passphrase is counted (in
 * storage, so a restarted worker keeps the wait); a right one clears the count.
 */
async function tryPassphrase(passphrase: string, now: Date) {
  const record = await readVaultRecord();
  if (!(await isVaultOn())) return refused('off', OFF);
  if (record === null || !(await isIntact(record))) return refused('damaged', DAMAGED);
  const failures = await readKept(kept.unlockFailures);
  const wait = nextTryAt(failures, now);
  if (wait) return refused('wait', `Too many wrong passphrases. ${waitWords(wait, now)}`, wait);
  const bytes = await keyBytesFor(record, passphrase);
  const opened = await openVault(record, await aesKeyOf(bytes));
  if (!opened.ok) {
    if (opened.reason === 'damaged') return refused('damaged', DAMAGED);
    const next = withFailure(failures, now);
    await changeKept(change(kept.unlockFailures, () => next));
    const retryAt = nextTryAt(next, now);
    const message = retryAt ? `Wrong passphrase. ${waitWords(retryAt, now)}` : 'Wrong passphrase.';
    return refused('wrong_passphrase', message, retryAt ?? undefined);
  }
  if (failures.count > 0) await changeKept(change(kept.unlockFailures, () => NO_FAILURES));
  return { ok: true as const, contents: opened.contents, bytes, record };
}

/** Seals `contents` under a new salt and key from `passphrase`, and opens the vault with it. */
async function sealAnew(contents: VaultContents, passphrase: string): Promise<void> {
  const fresh = await newVaultKey(passphrase);
  const record = await sealVault(contents, await aesKeyOf(fresh.bytes), fresh);
  await storeVault(record, fresh.bytes);
}

/** Unlocks with the passphrase. A record sealed with fewer iterations than PBKDF2_ITERATIONS is
 * sealed again with as many (a new salt too), once the passphrase has opened it. */
export function unlock(passphrase: string, now = new Date()): Reply {
  return oneAtATime(async () => {
    if ((await vaultKeys()) !== LOCKED) return ready();
    const tried = await tryPassphrase(passphrase, now);
    if (!tried.ok) return tried;
    if (tried.record.iterations < PBKDF2_ITERATIONS) await sealAnew(tried.contents, passphrase);
    else await storeVault(tried.record, tried.bytes);
    await unlocked(now);
    return ready();
  });
}

/** Seals every saved key with a new passphrase and removes each plain copy. */
export function turnOnLock(passphrase: string, now = new Date()): Reply {
  return oneAtATime(async () => {
    if (await isVaultOn()) return refused('on', 'The lock is already on.');
    const short = lengthProblem(passphrase);
    if (short) return refused('weak', short);
    await sealManagementKeys((keys) => sealAnew(keys, passphrase));
    await changeKept(change(kept.unlockFailures, () => NO_FAILURES));
    await unlocked(now);
    return ready();
  });
}

/** With the passphrase: the keys go back to plain storage (or memory only), and the vault is removed. */
export function turnOffLock(passphrase: string, to: 'plain' | 'memory', now = new Date()): Reply {
  return oneAtATime(async () => {
    const tried = await tryPassphrase(passphrase, now);
    if (!tried.ok) return tried;
    const forgetKeyOnClose = to === 'memory';
    await changeKept(change(kept.settings, (settings) => ({ ...settings, forgetKeyOnClose })));
    await unsealManagementKeys(tried.contents, forgetKeyOnClose, removeVault);
    await lockRemoved();
    return ready();
  });
}

export function changePassphrase(current: string, next: string, now = new Date()): Reply {
  return oneAtATime(async () => {
    const short = lengthProblem(next);
    if (short) return refused('weak', short);
    const tried = await tryPassphrase(current, now);
    if (!tried.ok) return tried;
    await sealAnew(tried.contents, next);
    await unlocked(now);
    return ready();
  });
}

/** "Forgot passphrase?": the sealed keys are gone for good; the accounts stay, without keys. */
export function removeSavedKeys(): Promise<LockReply> {
  return oneAtATime(async () => {
    await removeVault();
    await changeKept(change(kept.unlockFailures, () => NO_FAILURES));
    await lockRemoved();
    return ready();
  });
}

export async function saveLockSettings(input: { autoLockMinutes: number; lockWithComputer: boolean }): Reply {
  const { autoLockMinutes, lockWithComputer } = input;
  if (!isAutoLockChoice(autoLockMinutes))
    return refused('invalid', 'Choose one of the times offered for locking after a time without use.');
  const settings: LockSettings = { autoLockMinutes, lockWithComputer };
  await changeKept(change(kept.lockSettings, () => settings));
  const last = await readKept(kept.lastUsed);
  if ((await vaultKeys()) !== 'off' && last !== null) await scheduleAutoLock(new Date(last));
  return ready();
}
