import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManagementKey, saveManagementKeys } from '../../accounts/background/management-key';
import { lockSettingsItem } from '../../storage/background/items';
import { forgetKept } from '../../storage/background/memory';
import { AUTO_LOCK_ALARM, lockIfUnused, lockView, noteUse } from './lock-state';
import { turnOnLock, saveLockSettings } from './passphrase-service';
import { LOCKED } from './vault';

const PROD = 'sk-mg-mgmt-production-0123456789abcd';
const NOW = new Date('2026-03-01T12:00:00.000Z');
const after = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('auto-lock', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveManagementKeys({ prod: PROD });
    await turnOnLock('plum kettle harbour violin 42', NOW);
  });

  it('locks an hour after the last use by default, with an alarm set for then', async () => {
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(after(60).getTime());
    await lockIfUnused(after(59));
    expect(await readManagementKey('prod')).toBe(PROD);
    await lockIfUnused(after(60));
    expect(await readManagementKey('prod')).toBe(LOCKED);
    expect(await lockView(after(60))).toMatchObject({ storage: 'encrypted', locked: true });
  });

  it('counts from each use: the alarm moves on, and a worker restart keeps the count', async () => {
    await noteUse(after(50));
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(after(110).getTime());
    forgetKept();
    await lockIfUnused(after(100));
    expect(await readManagementKey('prod')).toBe(PROD);
    await lockIfUnused(after(110));
    expect(await readManagementKey('prod')).toBe(LOCKED);
  });

  it('locks on the next use when the time ran out and the alarm came late (the computer slept)', async () => {
    await noteUse(after(61));
    expect(await readManagementKey('prod')).toBe(LOCKED);
  });

  it('follows the chosen time, and "Never" leaves it unlocked with no alarm', async () => {
    expect(await saveLockSettings({ autoLockMinutes: 15, lockWithComputer: false })).toMatchObject({ ok: true });
    await lockIfUnused(after(14));
    expect(await readManagementKey('prod')).toBe(PROD);
    await saveLockSettings({ autoLockMinutes: 0, lockWithComputer: false });
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
    await lockIfUnused(after(60 * 24 * 30));
    expect(await readManagementKey('prod')).toBe(PROD);
  });

  it('refuses a time that is not offered, and changes nothing', async () => {
    expect(await saveLockSettings({ autoLockMinutes: 30, lockWithComputer: true })).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await lockSettingsItem.getValue()).toEqual({ autoLockMinutes: 60, lockWithComputer: false });
  });
});
