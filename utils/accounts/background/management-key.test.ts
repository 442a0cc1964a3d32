import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  managementKeyHints,
  moveManagementKeys,
  readManagementKey,
  removeManagementKeys,
  saveManagementKeys,
} from './management-key';

const PRODUCTION = 'sk-mg-mgmt-production-0123456789abcd';
const STAGING = 'sk-mg-mgmt-staging-0123456789wxyz';
const raw = async (area: 'local' | 'session') => JSON.stringify(await fakeBrowser.storage[area].get(null));

describe('management key store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps each account’s key under its id in local storage, and tells only the last 4 of each', async () => {
    await saveManagementKeys({ prod: PRODUCTION, stage: STAGING });
    expect(await readManagementKey('prod')).toBe(PRODUCTION);
    expect(await readManagementKey('stage')).toBe(STAGING);
    expect(await readManagementKey('other')).toBeNull();
    expect(await managementKeyHints()).toEqual({ prod: 'abcd', stage: 'wxyz' });
    expect(await raw('session')).not.toContain(PRODUCTION);
  });

  it.each(['__proto__', 'constructor', 'toString'])('finds no key for the account id %s', async (id) => {
    await saveManagementKeys({ prod: PRODUCTION });
    expect(await readManagementKey(id)).toBeNull();
  });

  it('replaces one account’s key and leaves the other’s alone', async () => {
    await saveManagementKeys({ prod: PRODUCTION, stage: STAGING });
    await saveManagementKeys({ stage: 'sk-mg-mgmt-staging-new-key-9999' });
    expect(await readManagementKey('prod')).toBe(PRODUCTION);
    expect(await readManagementKey('stage')).toBe('sk-mg-mgmt-staging-new-key-9999');
    expect(await managementKeyHints()).toEqual({ prod: 'abcd', stage: '9999' });
  });

  it('loses no key when two saves run at once', async () => {
    await Promise.all([saveManagementKeys({ prod: PRODUCTION }), saveManagementKeys({ stage: STAGING })]);
    expect(await readManagementKey('prod')).toBe(PRODUCTION);
    expect(await readManagementKey('stage')).toBe(STAGING);
  });

  it('with "forget on close", keeps every key in session storage only: local never holds one', async () => {
    await saveManagementKeys({ prod: PRODUCTION, stage: STAGING }, true);
    expect(await readManagementKey('stage')).toBe(STAGING);
    expect(await managementKeyHints()).toEqual({ prod: 'abcd', stage: 'wxyz' });
    for (const text of [PRODUCTION, STAGING, 'abcd', 'wxyz']) expect(await raw('local')).not.toContain(text);
  });

  it('moves every account’s key when the setting changes, in both directions', async () => {
    await saveManagementKeys({ prod: PRODUCTION, stage: STAGING });
    await moveManagementKeys(true);
    for (const key of [PRODUCTION, STAGING]) {
      expect(await raw('local')).not.toContain(key);
      expect(await raw('session')).toContain(key);
    }
    await moveManagementKeys(false);
    for (const key of [PRODUCTION, STAGING]) {
      expect(await raw('session')).not.toContain(key);
      expect(await raw('local')).toContain(key);
    }
    expect(await readManagementKey('prod')).toBe(PRODUCTION);
  });

  it('is gone with the session when it was kept there', async () => {
    await saveManagementKeys({ prod: PRODUCTION }, true);
    await fakeBrowser.storage.session.clear();
    expect(await readManagementKey('prod')).toBeNull();
    expect(await managementKeyHints()).toEqual({});
  });

  it('forgets a removed account’s key and hint in every area, and keeps the others', async () => {
    await saveManagementKeys({ prod: PRODUCTION, stage: STAGING });
    // A key left in the other area by an interrupted move must go too.
    await fakeBrowser.storage.session.set({ managementKeys: { stage: STAGING }, keyHints: { stage: 'wxyz' } });
    await removeManagementKeys(['stage']);
    expect(await readManagementKey('stage')).toBeNull();
    expect(await raw('local')).not.toContain(STAGING);
    expect(await raw('session')).not.toContain(STAGING);
    expect(await raw('local')).not.toContain('wxyz');
    expect(await managementKeyHints()).toEqual({ prod: 'abcd' });
  });
});
