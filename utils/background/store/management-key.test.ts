import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  managementKeyHint,
  moveManagementKey,
  readManagementKey,
  removeManagementKey,
  saveManagementKey,
} from './management-key';

const KEY = 'sk-mg-mgmt-0123456789abcd';
const raw = async (area: 'local' | 'session') => JSON.stringify(await fakeBrowser.storage[area].get(null));

describe('management key store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the key in local storage and tells only its last 4 characters', async () => {
    await saveManagementKey(KEY);
    expect(await readManagementKey()).toBe(KEY);
    expect(await managementKeyHint()).toBe('abcd');
    expect(await raw('session')).not.toContain(KEY);
  });

  it('with "forget on close", keeps it in session storage only: local never holds it', async () => {
    await saveManagementKey(KEY, true);
    expect(await readManagementKey()).toBe(KEY);
    expect(await managementKeyHint()).toBe('abcd');
    expect(await raw('local')).not.toContain(KEY);
    expect(await raw('local')).not.toContain('abcd');
  });

  it('moves the key when the setting changes, in both directions', async () => {
    await saveManagementKey(KEY);
    await moveManagementKey(true);
    expect(await raw('local')).not.toContain(KEY);
    expect(await raw('session')).toContain(KEY);
    await moveManagementKey(false);
    expect(await raw('session')).not.toContain(KEY);
    expect(await readManagementKey()).toBe(KEY);
  });

  it('is gone with the session when it was kept there', async () => {
    await saveManagementKey(KEY, true);
    await fakeBrowser.storage.session.clear();
    expect(await readManagementKey()).toBeNull();
    expect(await managementKeyHint()).toBeNull();
  });

  it('forgets both key and hint on removal, in every area', async () => {
    await saveManagementKey(KEY);
    await saveManagementKey(KEY, true);
    await removeManagementKey();
    expect(await readManagementKey()).toBeNull();
    expect(await managementKeyHint()).toBeNull();
  });
});
