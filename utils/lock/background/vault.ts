import { defineOnUse } from '../../storage/background/defined-on-use';
import { change, changeKept, type Kept, readKept } from '../../storage/background/memory';
import {
  aesKeyOf,
  fromBase64,
  openVault,
  sealVault,
  toBase64,
  type VaultContents,
  type VaultRecord,
  vaultRecordSchema,
} from '../vault-crypto';

/**
 * The lock's two storage items, and the unlocked management keys in the worker's memory. Only
 * utils/accounts/background/management-key.ts reads keys from here (test/project-rules.test.ts).
 *
 * - `local:keyVault`: the sealed record (utils/lock/vault-crypto.ts). Its presence is what "the
 *   lock is on" means; the passphrase is never stored.
 * - `session:vaultKey`: the derived AES key while unlocked, so that a stopped and restarted worker
 *   stays unlocked until the browser closes. Session storage is the worker's and the extension
 *   pages' only (trusted contexts, utils/storage/background/access-level.ts), and no handler
 *   ever puts it in a reply.
 */
// Typed as unknown: a record is only trusted once it has passed `vaultRecordSchema`.
const recordItem = defineOnUse<unknown>('local:keyVault', { fallback: null, version: 1 });
const sessionKeyItem = defineOnUse<string | null>('session:vaultKey', { fallback: null, version: 1 });
const kept = {
  record: { item: recordItem, version: 1 } satisfies Kept<unknown>,
  sessionKey: { item: sessionKeyItem, version: 1 } satisfies Kept<string | null>,
};

export const LOCKED = 'locked';
export type VaultKeys = VaultContents | 'off' | typeof LOCKED;

/** The record (as stored) and session key the open vault was decrypted from: new ones are
 * decrypted again. */
let open: { record: unknown; sessionKey: string; keys: Promise<VaultContents | null> } | undefined;

/** The stored record, when the lock is on (a record of another shape counts as none). */
export async function readVaultRecord(): Promise<VaultRecord | null> {
  const stored = await readKept(kept.record);
  if (stored === null || stored === undefined) return null;
  const parsed = vaultRecordSchema().safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/**
 * The management keys when the vault is open; 'locked' when the lock is on and not unlocked;
 * 'off' when there is no lock. A restarted worker decrypts the record again with the key in
 * session storage (no passphrase needed until the browser closes).
 */
export async function vaultKeys(): Promise<VaultKeys> {
  const [record, sessionKey] = await Promise.all([readKept(kept.record), readKept(kept.sessionKey)]);
  if (record === null || record === undefined) return 'off';
  if (sessionKey === null) return LOCKED;
  if (open?.record !== record || open.sessionKey !== sessionKey) {
    open = { record, sessionKey, keys: decrypt(record, sessionKey) };
  }
  return (await open.keys) ?? LOCKED;
}

async function decrypt(stored: unknown, sessionKey: string): Promise<VaultContents | null> {
  const record = vaultRecordSchema().safeParse(stored);
  if (!record.success) return null;
  try {
    const opened = await openVault(record.data, await aesKeyOf(fromBase64(sessionKey)));
    return opened.ok ? opened.contents : null;
  } catch {
    // A session key that is no key (damaged storage): locked, and the passphrase opens it again.
    return null;
  }
}

/** Whether the lock is on (whatever it is unlocked or not). */
export async function isVaultOn(): Promise<boolean> {
  return ((await readKept(kept.record)) ?? null) !== null;
}

/** Whether the lock is on and not unlocked: nothing may be looked up. */
export async function isVaultLocked(): Promise<boolean> {
  return (await vaultKeys()) === LOCKED;
}

/** Stores a sealed record and the key it was sealed with: the vault is then open. */
export async function storeVault(record: VaultRecord, keyBytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const sessionKey = toBase64(keyBytes);
  await changeKept(
    change(kept.record, () => record),
    change(kept.sessionKey, () => sessionKey),
  );
}

/**
 * Seals the open vault's keys again after `next` (a key added, replaced or removed), with a fresh
 * IV and the same salt and key. Refused while locked: nothing changes then.
 */
export async function rewriteVault(next: (keys: VaultContents) => VaultContents): Promise<void> {
  const [keys, record, sessionKey] = await Promise.all([vaultKeys(), readVaultRecord(), readKept(kept.sessionKey)]);
  if (keys === 'off' || record === null) throw new Error('The lock is off: there is no vault to change.');
  if (keys === LOCKED || sessionKey === null) throw new VaultLockedError();
  const key = await aesKeyOf(fromBase64(sessionKey));
  const sealed = await sealVault(next(keys), key, record);
  await changeKept(change(kept.record, () => sealed));
}

/** Locks: the key leaves session storage and memory; the sealed record stays. */
export async function closeVault(): Promise<void> {
  open = undefined;
  await changeKept(change(kept.sessionKey, () => undefined));
}

/** Removes the record and the key: the lock is off, and whatever it held is gone. */
export async function removeVault(): Promise<void> {
  open = undefined;
  await changeKept(
    change(kept.record, () => undefined),
    change(kept.sessionKey, () => undefined),
  );
}

/** A change to the vault's keys was asked for while it is locked. */
export class VaultLockedError extends Error {
  constructor() {
    super('The saved keys are locked: unlock them first.');
    this.name = 'VaultLockedError';
  }
}
