import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { managementKeyHints, readManagementKey, saveManagementKeys } from '../../accounts/background/management-key';
import { forgetKept } from '../../storage/background/memory';
import { aesKeyOf, newVaultKey, PBKDF2_ITERATIONS, sealVault, type VaultRecord } from '../vault-crypto';
import { tampered } from '@/test/fixtures/vault';
import { lockNow, lockView } from './lock-state';
import { settingsItem } from '../../storage/background/items';
import { DEFAULT_SETTINGS } from '../../settings/settings';
import { changePassphrase, removeSavedKeys, turnOffLock, turnOnLock, unlock } from './passphrase-service';
import { LOCKED } from './vault';

const PASSPHRASE = 'plum kettle harbour violin 42';
const PROD = 'sk-mg-mgmt-production-0123456789abcd';
const STAGE = 'sk-mg-mgmt-staging-0123456789wxyz';
const NOW = new Date('2026-03-01T12:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** Every storage area as text, to search for what must not be there. */
async function everything(): Promise<string> {
  const areas = await Promise.all(['local', 'session', 'sync'].map((a) => fakeBrowser.storage[a as 'local'].get(null)));
  return JSON.stringify(areas);
}
const storedRecord = async () => (await fakeBrowser.storage.local.get('keyVault')).keyVault as VaultRecord;
/** As a stopped worker restarts: nothing held in memory. */
const restartWorker = () => forgetKept();

describe('the lock', () => {
  beforeEach(() => fakeBrowser.reset());

  it('seals every plain key and removes each plain copy: no area holds a key, its last 4 or the passphrase', async () => {
    await saveManagementKeys({ prod: PROD, stage: STAGE });
    expect(await turnOnLock(PASSPHRASE, NOW)).toMatchObject({
      ok: true,
      lock: { storage: 'encrypted', locked: false },
    });
    const stored = await everything();
    for (const secret of [PROD, STAGE, PASSPHRASE, 'abcd', 'wxyz']) expect(stored).not.toContain(secret);
    expect(await readManagementKey('prod')).toBe(PROD);
    expect(await managementKeyHints()).toEqual({ prod: 'abcd', stage: 'wxyz' });
  });

  it('migrates keys kept in memory only the same way, and session storage keeps only the derived key', async () => {
    await saveManagementKeys({ prod: PROD }, true);
    await turnOnLock(PASSPHRASE, NOW);
    const session = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(session).filter((k) => !k.endsWith('$'))).toEqual(['vaultKey', 'lastUsed']);
    expect(JSON.stringify(session)).not.toContain(PROD);
    expect(await readManagementKey('prod')).toBe(PROD);
  });

  it.each([
    ['plain', false, 'local'],
    ['memory', true, 'session'],
  ] as const)('leaves today’s %s keys where they are until the lock is turned on', async (storage, forget, area) => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, forgetKeyOnClose: forget });
    await saveManagementKeys({ prod: PROD }, forget);
    expect(await lockView(NOW)).toMatchObject({ storage, locked: false, retryAt: null });
    expect(JSON.stringify(await fakeBrowser.storage[area].get('managementKeys'))).toContain(PROD);
    expect(await readManagementKey('prod')).toBe(PROD);
  });

  it('refuses a passphrase under 12 characters and changes nothing', async () => {
    await saveManagementKeys({ prod: PROD });
    const before = await everything();
    expect(await turnOnLock('short pass', NOW)).toMatchObject({ ok: false, reason: 'weak', message: /Too short/ });
    expect(await everything()).toBe(before);
  });

  it('locks: no key is given out, not even after a worker restart; the passphrase unlocks', async () => {
    await saveManagementKeys({ prod: PROD });
    await turnOnLock(PASSPHRASE, NOW);
    await lockNow();
    expect(await readManagementKey('prod')).toBe(LOCKED);
    restartWorker();
    expect(await readManagementKey('prod')).toBe(LOCKED);
    expect(await unlock('plum kettle harbour violin 43', NOW)).toEqual({
      ok: false,
      reason: 'wrong_passphrase',
      message: 'Wrong passphrase.',
    });
    expect(await readManagementKey('prod')).toBe(LOCKED);
    expect(await unlock(PASSPHRASE, NOW)).toMatchObject({ ok: true, lock: { locked: false } });
    expect(await readManagementKey('prod')).toBe(PROD);
  });

  it('stays unlocked across a worker restart, from the key in session storage', async () => {
    await saveManagementKeys({ prod: PROD });
    await turnOnLock(PASSPHRASE, NOW);
    restartWorker();
    expect(await readManagementKey('prod')).toBe(PROD);
  });

  it('encrypts a key added or replaced while unlocked at once, and refuses one while locked', async () => {
    await turnOnLock(PASSPHRASE, NOW);
    await saveManagementKeys({ stage: STAGE });
    expect(await everything()).not.toContain(STAGE);
    expect(await readManagementKey('stage')).toBe(STAGE);
    await lockNow();
    await expect(saveManagementKeys({ prod: PROD })).rejects.toThrow(/locked/);
    await unlock(PASSPHRASE, NOW);
    expect(await readManagementKey('prod')).toBeNull();
  });

  it('makes each wrong try after the fifth wait longer, says so, and keeps the wait across a worker restart', async () => {
    await turnOnLock(PASSPHRASE, NOW);
    await lockNow();
    for (let i = 0; i < 4; i++)
      expect(await unlock('wrong passphrase!!', NOW)).toMatchObject({ message: 'Wrong passphrase.' });
    expect(await unlock('wrong passphrase!!', NOW)).toMatchObject({
      message: 'Wrong passphrase. Wait 1 second before trying again.',
      retryAt: later(1000).toISOString(),
    });
    restartWorker();
    // Too early: refused without trying, even with the right passphrase.
    expect(await unlock(PASSPHRASE, later(500))).toMatchObject({
      reason: 'wait',
      message: 'Too many wrong passphrases. Wait 1 second before trying again.',
    });
    expect(await unlock('wrong passphrase!!', later(1000))).toMatchObject({
      message: 'Wrong passphrase. Wait 2 seconds before trying again.',
    });
    expect(await unlock(PASSPHRASE, later(3000))).toMatchObject({ ok: true });
    // The right passphrase clears the count.
    await lockNow();
    expect(await unlock('wrong passphrase!!', later(3000))).toMatchObject({ message: 'Wrong passphrase.' });
  });

  it('re-seals a record made with fewer iterations on its next unlock', async () => {
    await turnOnLock(PASSPHRASE, NOW);
    const fresh = await newVaultKey(PASSPHRASE, 1000);
    const old = await sealVault({ prod: PROD }, await aesKeyOf(fresh.bytes), fresh);
    await fakeBrowser.storage.local.set({ keyVault: old });
    await fakeBrowser.storage.session.remove('vaultKey');
    restartWorker();
    expect(await unlock(PASSPHRASE, NOW)).toMatchObject({ ok: true });
    const upgraded = await storedRecord();
    expect(upgraded.iterations).toBe(PBKDF2_ITERATIONS);
    expect(upgraded.salt).not.toBe(old.salt);
    await lockNow();
    restartWorker();
    expect(await unlock(PASSPHRASE, NOW)).toMatchObject({ ok: true });
    expect(await readManagementKey('prod')).toBe(PROD);
  });

  it('says a tampered record is damaged, and keeps it as it was', async () => {
    await saveManagementKeys({ prod: PROD });
    await turnOnLock(PASSPHRASE, NOW);
    await lockNow();
    const record = await storedRecord();
    const damaged = await tampered(record, 'ciphertext', false);
    expect(damaged.ciphertext).not.toBe(record.ciphertext);
    await fakeBrowser.storage.local.set({ keyVault: damaged });
    restartWorker();
    expect(await unlock(PASSPHRASE, NOW)).toMatchObject({
      ok: false,
      reason: 'damaged',
      message: /changed or damaged/,
    });
    expect(await storedRecord()).toEqual(damaged);
    await fakeBrowser.storage.local.set({ keyVault: record });
    restartWorker();
    expect(await unlock(PASSPHRASE, NOW)).toMatchObject({ ok: true });
  });

  it('turns off with the passphrase: the keys go back to plain storage, or to memory only', async () => {
    await saveManagementKeys({ prod: PROD });
    await turnOnLock(PASSPHRASE, NOW);
    expect(await turnOffLock('not the passphrase', 'plain', NOW)).toMatchObject({ reason: 'wrong_passphrase' });
    expect(await turnOffLock(PASSPHRASE, 'memory', NOW)).toMatchObject({ ok: true, lock: { storage: 'memory' } });
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain(PROD);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('keyVault');
    expect(await readManagementKey('prod')).toBe(PROD);
  });

  it('changes the passphrase after checking the current one', async () => {
    await saveManagementKeys({ prod: PROD });
    await turnOnLock(PASSPHRASE, NOW);
    expect(await changePassphrase('wrong passphrase!!', 'a new long passphrase', NOW)).toMatchObject({ ok: false });
    expect(await changePassphrase(PASSPHRASE, 'a new long passphrase', NOW)).toMatchObject({ ok: true });
    await lockNow();
    expect(await unlock(PASSPHRASE, NOW)).toMatchObject({ reason: 'wrong_passphrase' });
    expect(await unlock('a new long passphrase', NOW)).toMatchObject({ ok: true });
    expect(await readManagementKey('prod')).toBe(PROD);
  });

  it('"Forgot passphrase?" removes the sealed keys for good; the lock is off', async () => {
    await saveManagementKeys({ prod: PROD });
    await turnOnLock(PASSPHRASE, NOW);
    await lockNow();
    expect(await removeSavedKeys()).toMatchObject({ ok: true, lock: { storage: 'plain', locked: false } });
    expect(await readManagementKey('prod')).toBeNull();
    expect(await everything()).not.toContain('keyVault');
  });
});
