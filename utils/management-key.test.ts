import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManagementKey, removeManagementKey, saveManagementKey } from './management-key';
import { keyHintItem } from './storage';

describe('management key store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the key and only its last 4 characters as the visible hint', async () => {
    await saveManagementKey('mg-mgmt-0123456789abcd');
    expect(await readManagementKey()).toBe('mg-mgmt-0123456789abcd');
    expect(await keyHintItem.getValue()).toBe('abcd');
  });

  it('forgets both on removal', async () => {
    await saveManagementKey('mg-mgmt-0123456789abcd');
    await removeManagementKey();
    expect(await readManagementKey()).toBeNull();
    expect(await keyHintItem.getValue()).toBeNull();
  });
});
