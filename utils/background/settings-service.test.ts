import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeKey } from '@/test/fixtures/key';
import type { SaveSettingsRequest } from '../messaging/protocol';
import { DEFAULT_SETTINGS } from '../settings';
import { forgetManagementKey, getSettingsView, saveSettings } from './settings-service';
import { historyItem, readSettings, resultCacheItem } from './store/items';
import { saveManagementKey } from './store/management-key';

const KEY = 'sk-mg-mgmt-settings-0123456789abcdef';
const OTHER_KEY = 'sk-mg-mgmt-settings-fedcba9876543210';
const valid: SaveSettingsRequest = { baseUrl: 'https://modelgates.ai/api/v1', timeoutSeconds: 10 };
const area = async (name: 'local' | 'session') => fakeBrowser.storage[name].get(null);
const cached = { ['a'.repeat(64)]: { key: makeKey(), fetchedAt: '2026-11-26T19:00:00.000Z' } };
const entry = { hash: 'a'.repeat(64), name: 'Kept', status: { text: 'Active', tone: 'ok' as const }, at: '' };

describe('settings service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows the defaults, and of the key only whether it is saved and its last 4', async () => {
    expect(await getSettingsView()).toEqual({ ...DEFAULT_SETTINGS, keySaved: false, keyLast4: null });
    await saveManagementKey(KEY);
    const view = await getSettingsView();
    expect(view).toMatchObject({ keySaved: true, keyLast4: 'cdef' });
    expect(JSON.stringify(view)).not.toContain(KEY);
  });

  it('saves a cleaned base URL and the key, and says so without the key', async () => {
    const reply = await saveSettings({
      ...valid,
      baseUrl: ' https://staging.modelgates.ai/api/v1/ ',
      managementKey: KEY,
    });
    expect(reply).toEqual({
      ok: true,
      settings: {
        ...DEFAULT_SETTINGS,
        baseUrl: 'https://staging.modelgates.ai/api/v1',
        keySaved: true,
        keyLast4: 'cdef',
      },
    });
    expect(await area('local')).toMatchObject({ managementKey: KEY });
  });

  it.each<[string, Partial<SaveSettingsRequest>, string]>([
    ['a non-https base URL', { baseUrl: 'http://example.com/api' }, 'baseUrl'],
    ['a timeout under 3 s', { timeoutSeconds: 1 }, 'timeoutSeconds'],
    ['a timeout over 60 s', { timeoutSeconds: 61 }, 'timeoutSeconds'],
    ['a fractional timeout', { timeoutSeconds: 4.5 }, 'timeoutSeconds'],
    ['an empty timeout (null on the wire)', { timeoutSeconds: null }, 'timeoutSeconds'],
    ['a negative cache time', { cacheSeconds: -1 }, 'cacheSeconds'],
    ['a cache time over an hour', { cacheSeconds: 3601 }, 'cacheSeconds'],
    ['an empty cache time', { cacheSeconds: null }, 'cacheSeconds'],
    ['a key with inner whitespace', { managementKey: 'sk-mg abc' }, 'managementKey'],
  ])('refuses %s, beside its field, and saves none of the other fields', async (_, change, field) => {
    const reply = await saveSettings({
      ...valid,
      baseUrl: 'https://staging.modelgates.ai/api/v1',
      historyEnabled: false,
      managementKey: KEY,
      ...change,
    });
    expect(reply).toEqual({ ok: false, fieldErrors: { [field]: expect.any(String) } });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await getSettingsView()).toMatchObject({ keySaved: false });
  });

  it('names every bad field at once', async () => {
    const reply = await saveSettings({ baseUrl: 'ftp://x', timeoutSeconds: 0, cacheSeconds: -1, managementKey: 'a b' });
    expect(reply.ok === false && 'fieldErrors' in reply && Object.keys(reply.fieldErrors).sort()).toEqual([
      'baseUrl',
      'cacheSeconds',
      'managementKey',
      'timeoutSeconds',
    ]);
  });

  it('keeps what a request leaves out: the saved key and the other options', async () => {
    await saveSettings({ ...valid, historyEnabled: false, cacheSeconds: 120, managementKey: KEY });
    await saveSettings({ ...valid, timeoutSeconds: 20 });
    expect(await readSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      timeoutSeconds: 20,
      historyEnabled: false,
      cacheSeconds: 120,
    });
    expect(await getSettingsView()).toMatchObject({ keyLast4: 'cdef' });
  });

  it('keeps the key in session storage only when asked to forget it on close, and moves it back', async () => {
    await saveSettings({ ...valid, forgetKeyOnClose: true, managementKey: KEY });
    expect(await area('session')).toMatchObject({ managementKey: KEY });
    expect(await area('local')).not.toHaveProperty('managementKey');
    await saveSettings({ ...valid, forgetKeyOnClose: false });
    expect(await area('local')).toMatchObject({ managementKey: KEY });
    expect(await area('session')).not.toHaveProperty('managementKey');
  });

  it.each<[string, Partial<SaveSettingsRequest>, boolean]>([
    ['another key', { managementKey: OTHER_KEY }, false],
    ['another base URL', { baseUrl: 'https://staging.modelgates.ai/api/v1' }, false],
    ['only a new timeout', { timeoutSeconds: 30 }, true],
  ])('with %s, keeps the cached results: %s', async (_, change, kept) => {
    await saveSettings({ ...valid, managementKey: KEY });
    await resultCacheItem.setValue(cached);
    expect((await saveSettings({ ...valid, ...change })).ok).toBe(true);
    expect(await resultCacheItem.getValue()).toEqual(kept ? cached : {});
  });

  it('clears the history when history is turned off, and only then', async () => {
    await historyItem.setValue([entry]);
    await saveSettings({ ...valid, historyEnabled: true });
    expect(await historyItem.getValue()).toEqual([entry]);
    await saveSettings({ ...valid, historyEnabled: false });
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('forgets the key and the results it fetched', async () => {
    await saveManagementKey(KEY);
    await resultCacheItem.setValue(cached);
    expect(await forgetManagementKey()).toMatchObject({ keySaved: false, keyLast4: null });
    expect(await resultCacheItem.getValue()).toEqual({});
    expect(JSON.stringify([await area('local'), await area('session')])).not.toContain(KEY);
  });
});
