import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readManagementKey } from './management-key';
import { DEFAULT_SETTINGS } from '../../settings';
import { settingsItem } from './items';

describe('settings migration', () => {
  beforeEach(() => fakeBrowser.reset());

  it('brings version 1 settings to version 2 without losing the base URL, timeout or key', async () => {
    // Exactly what 0.1.0 wrote: settings v1, and the key in local storage.
    await fakeBrowser.storage.local.set({
      settings: { baseUrl: 'https://staging.modelgates.ai/api/v1', timeoutSeconds: 20 },
      settings$: { v: 1 },
      managementKey: 'sk-mg-mgmt-legacy-key-9f8e',
    });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({
      ...DEFAULT_SETTINGS,
      baseUrl: 'https://staging.modelgates.ai/api/v1',
      timeoutSeconds: 20,
    });
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 2 } });
    expect(await readManagementKey()).toBe('sk-mg-mgmt-legacy-key-9f8e');
  });

  it('leaves version 2 settings as they are', async () => {
    const v2 = { ...DEFAULT_SETTINGS, historyEnabled: false, cacheSeconds: 0 };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(v2);
  });
});
