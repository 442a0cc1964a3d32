import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { managementKeyHints, readManagementKey } from '../../accounts/background/management-key';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT, type Settings } from '../../settings/settings';
import { historyItem, readSettings, resultCacheItem, settingsItem } from './items';

const KEY = 'sk-mg-mgmt-legacy-key-9f8e';
const STAGING_URL = 'https://staging.modelgates.ai/api/v1';
const v2 = {
  baseUrl: STAGING_URL,
  timeoutSeconds: 20,
  forgetKeyOnClose: false,
  historyEnabled: false,
  cacheSeconds: 0,
};
const migrated = (baseUrl: string, rest: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  ...rest,
  accounts: [{ id: FIRST_ACCOUNT.id, name: 'My account', baseUrl }],
});

// Exactly what earlier versions wrote, and what each must become: the saved key and base URL
// become one account named "My account", and nothing is lost.
describe('settings migration to accounts (version 3)', () => {
  beforeEach(() => fakeBrowser.reset());

  type Stored = { local: Record<string, unknown>; session?: Record<string, unknown> };
  it.each<[string, Stored, Settings, 'local' | 'session']>([
    [
      'version 1 (0.1.0), key in local storage',
      { local: { settings: { baseUrl: STAGING_URL, timeoutSeconds: 20 }, settings$: { v: 1 }, managementKey: KEY } },
      migrated(STAGING_URL, { timeoutSeconds: 20 }),
      'local',
    ],
    [
      'version 2, key and its hint in local storage',
      { local: { settings: v2, settings$: { v: 2 }, managementKey: KEY, keyHint: '9f8e' } },
      migrated(STAGING_URL, { timeoutSeconds: 20, historyEnabled: false, cacheSeconds: 0 }),
      'local',
    ],
    [
      'version 2 with "forget the key when the browser closes", key in session storage',
      {
        local: { settings: { ...v2, forgetKeyOnClose: true }, settings$: { v: 2 } },
        session: { managementKey: KEY, keyHint: '9f8e' },
      },
      migrated(STAGING_URL, { timeoutSeconds: 20, historyEnabled: false, cacheSeconds: 0, forgetKeyOnClose: true }),
      'session',
    ],
  ])('brings %s to version 3 with the key kept', async (_case, stored, expected, keyArea) => {
    await fakeBrowser.storage.local.set(stored.local);
    if (stored.session) await fakeBrowser.storage.session.set(stored.session);
    await settingsItem.migrate();

    expect(await readSettings()).toEqual(expected);
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 3 } });
    expect(await readManagementKey(FIRST_ACCOUNT.id)).toBe(KEY);
    expect(await managementKeyHints()).toEqual({ [FIRST_ACCOUNT.id]: '9f8e' });
    // The key stays in the area it was in, and the single-key items are gone from both.
    const other = keyArea === 'local' ? 'session' : 'local';
    expect(JSON.stringify(await fakeBrowser.storage[keyArea].get(null))).toContain(KEY);
    expect(JSON.stringify(await fakeBrowser.storage[other].get(null))).not.toContain(KEY);
    for (const area of ['local', 'session'] as const) {
      expect(await fakeBrowser.storage[area].get(['managementKey', 'keyHint'])).toEqual({});
    }
  });

  it('brings version 2 without a saved key to one account and no key', async () => {
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect((await readSettings()).accounts).toEqual([
      { id: FIRST_ACCOUNT.id, name: 'My account', baseUrl: STAGING_URL },
    ]);
    expect(await readManagementKey(FIRST_ACCOUNT.id)).toBeNull();
  });

  it('migrates version 2 on a started worker’s first read of the settings, with no migration run before it', async () => {
    // Items are defined on first use (./defined-on-use.ts): in a worker whose modules are freshly
    // loaded, the first read itself must bring them up to date.
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 }, managementKey: KEY, keyHint: '9f8e' });
    vi.resetModules();
    const fresh = await import('./items');
    const keys = await import('../../accounts/background/management-key');
    expect(await fresh.readSettings()).toEqual(
      migrated(STAGING_URL, { timeoutSeconds: 20, historyEnabled: false, cacheSeconds: 0 }),
    );
    expect(await fakeBrowser.storage.local.get('settings$')).toEqual({ settings$: { v: 3 } });
    expect(await keys.readManagementKey(FIRST_ACCOUNT.id)).toBe(KEY);
  });

  it('leaves version 3 settings as they are', async () => {
    const accounts = [
      { id: 'a', name: 'Production', baseUrl: 'https://modelgates.ai/api/v1' },
      { id: 'b', name: 'Staging', baseUrl: STAGING_URL },
    ];
    const v3: Settings = { ...DEFAULT_SETTINGS, accounts, historyEnabled: false };
    await fakeBrowser.storage.local.set({ settings: v3, settings$: { v: 3 }, managementKeys: { a: KEY } });
    await settingsItem.migrate();
    expect(await readSettings()).toEqual(v3);
    expect(await readManagementKey('a')).toBe(KEY);
  });

  it('gives a fresh install one account, "My account", at the default API', async () => {
    expect((await readSettings()).accounts).toEqual([
      { id: FIRST_ACCOUNT.id, name: 'My account', baseUrl: 'https://modelgates.ai/api/v1' },
    ]);
  });

  it('files the history of the single-key version under the first account', async () => {
    const entry = {
      hash: 'a'.repeat(64),
      name: 'Old key',
      status: { text: 'Active', tone: 'ok' },
      at: '2026-01-01T00:00:00Z',
    };
    await fakeBrowser.storage.local.set({ history: [entry], history$: { v: 1 } });
    await historyItem.migrate();
    expect(await historyItem.getValue()).toEqual([{ ...entry, accountId: FIRST_ACCOUNT.id }]);
  });

  it('drops cached results filed by hash only: they would not say which account answered', async () => {
    await fakeBrowser.storage.session.set({ resultCache: { ['a'.repeat(64)]: { key: {}, fetchedAt: '' } } });
    await resultCacheItem.migrate();
    expect(await resultCacheItem.getValue()).toEqual({});
  });
});
