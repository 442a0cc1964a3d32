import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeKey } from '@/test/fixtures/key';
import type { SaveSettingsRequest } from '../contract';
import { DEFAULT_BASE_URL, DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../settings';
import { forgetManagementKey, getSettingsView, saveSettings } from './settings-service';
import { historyItem, readSettings, resultCacheItem } from '../../storage/background/items';
import { saveManagementKeys } from '../../accounts/background/management-key';

// The settings service with one account, as most people use it; several accounts:
// settings-service-accounts.test.ts.
const KEY = 'sk-mg-mgmt-settings-0123456789abcdef';
const OTHER_KEY = 'sk-mg-mgmt-settings-fedcba9876543210';
const ID = FIRST_ACCOUNT.id;
type AccountChange = Partial<SaveSettingsRequest['accounts'][number]>;
/** A request for the one account, with its fields changed by `account` and the rest by `rest`. */
const request = (account: AccountChange = {}, rest: Partial<SaveSettingsRequest> = {}): SaveSettingsRequest => ({
  accounts: [{ id: ID, name: 'My account', baseUrl: DEFAULT_BASE_URL, ...account }],
  timeoutSeconds: 10,
  ...rest,
});
const area = async (name: 'local' | 'session') => fakeBrowser.storage[name].get(null);
const cached = {
  [`${ID}/${'a'.repeat(64)}`]: {
    accountId: ID,
    hash: 'a'.repeat(64),
    key: makeKey(),
    fetchedAt: '2026-11-26T19:00:00.000Z',
  },
};
const entry = {
  hash: 'a'.repeat(64),
  accountId: ID,
  name: 'Kept',
  status: { text: 'Active', tone: 'ok' as const },
  at: '',
};
const { accounts: _, ...defaults } = DEFAULT_SETTINGS;
const view = (keyLast4: string | null, baseUrl = DEFAULT_BASE_URL) => ({
  ...defaults,
  accounts: [{ id: ID, name: 'My account', baseUrl, keyLast4 }],
});

describe('settings service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows the defaults, and of the key only its last 4', async () => {
    expect(await getSettingsView()).toEqual(view(null));
    await saveManagementKeys({ [ID]: KEY });
    const shown = await getSettingsView();
    expect(shown).toEqual(view('cdef'));
    expect(JSON.stringify(shown)).not.toContain(KEY);
  });

  it('saves a cleaned base URL and the key, and says so without the key', async () => {
    const reply = await saveSettings(
      request({ baseUrl: ' https://staging.modelgates.ai/api/v1/ ', managementKey: KEY }),
    );
    expect(reply).toEqual({ ok: true, settings: view('cdef', 'https://staging.modelgates.ai/api/v1') });
    expect(await area('local')).toMatchObject({ managementKeys: { [ID]: KEY } });
  });

  it.each<[string, AccountChange, Partial<SaveSettingsRequest>, object]>([
    [
      'a non-https base URL',
      { baseUrl: 'http://example.com/api' },
      {},
      { accountErrors: [{ baseUrl: expect.any(String) }] },
    ],
    ['a blank account name', { name: '  ' }, {}, { accountErrors: [{ name: expect.any(String) }] }],
    [
      'a key with inner whitespace',
      { managementKey: 'sk-mg abc' },
      {},
      { accountErrors: [{ managementKey: expect.any(String) }] },
    ],
    ['a timeout under 3 s', {}, { timeoutSeconds: 1 }, { fieldErrors: { timeoutSeconds: expect.any(String) } }],
    ['a timeout over 60 s', {}, { timeoutSeconds: 61 }, { fieldErrors: { timeoutSeconds: expect.any(String) } }],
    ['a fractional timeout', {}, { timeoutSeconds: 4.5 }, { fieldErrors: { timeoutSeconds: expect.any(String) } }],
    [
      'an empty timeout (null on the wire)',
      {},
      { timeoutSeconds: null },
      { fieldErrors: { timeoutSeconds: expect.any(String) } },
    ],
    ['a negative cache time', {}, { cacheSeconds: -1 }, { fieldErrors: { cacheSeconds: expect.any(String) } }],
    ['a cache time over an hour', {}, { cacheSeconds: 3601 }, { fieldErrors: { cacheSeconds: expect.any(String) } }],
    ['an empty cache time', {}, { cacheSeconds: null }, { fieldErrors: { cacheSeconds: expect.any(String) } }],
    ['no lookups at once', {}, { bulkConcurrency: 0 }, { fieldErrors: { bulkConcurrency: expect.any(String) } }],
    ['9 lookups at once', {}, { bulkConcurrency: 9 }, { fieldErrors: { bulkConcurrency: expect.any(String) } }],
    ['2.5 lookups at once', {}, { bulkConcurrency: 2.5 }, { fieldErrors: { bulkConcurrency: expect.any(String) } }],
  ])('refuses %s, beside its field, and saves none of the other fields', async (_, account, rest, refusal) => {
    const reply = await saveSettings(
      request(
        { baseUrl: 'https://staging.modelgates.ai/api/v1', managementKey: KEY, ...account },
        { historyEnabled: false, ...rest },
      ),
    );
    expect(reply).toMatchObject({ ok: false, ...refusal });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await getSettingsView()).toEqual(view(null));
  });

  it('names every bad field at once', async () => {
    const reply = await saveSettings(
      request({ name: '', baseUrl: 'ftp://x', managementKey: 'a b' }, { timeoutSeconds: 0, cacheSeconds: -1 }),
    );
    expect(reply).toMatchObject({
      ok: false,
      fieldErrors: { timeoutSeconds: expect.any(String), cacheSeconds: expect.any(String) },
      accountErrors: [{ name: expect.any(String), baseUrl: expect.any(String), managementKey: expect.any(String) }],
    });
  });

  it('keeps what a request leaves out: the saved key and the other options', async () => {
    await saveSettings(request({ managementKey: KEY }, { historyEnabled: false, cacheSeconds: 120 }));
    await saveSettings(request({}, { timeoutSeconds: 20 }));
    expect(await readSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      timeoutSeconds: 20,
      historyEnabled: false,
      cacheSeconds: 120,
    });
    expect(await getSettingsView()).toMatchObject({ accounts: [{ keyLast4: 'cdef' }] });
  });

  it('keeps the key in session storage only when asked to forget it on close, and moves it back', async () => {
    await saveSettings(request({ managementKey: KEY }, { forgetKeyOnClose: true }));
    expect(await area('session')).toMatchObject({ managementKeys: { [ID]: KEY } });
    expect(JSON.stringify(await area('local'))).not.toContain(KEY);
    await saveSettings(request({}, { forgetKeyOnClose: false }));
    expect(await area('local')).toMatchObject({ managementKeys: { [ID]: KEY } });
    expect(JSON.stringify(await area('session'))).not.toContain(KEY);
  });

  it.each<[string, AccountChange, Partial<SaveSettingsRequest>, boolean]>([
    ['another key', { managementKey: OTHER_KEY }, {}, false],
    ['another base URL', { baseUrl: 'https://staging.modelgates.ai/api/v1' }, {}, false],
    ['only a new timeout', {}, { timeoutSeconds: 30 }, true],
    ['only a new name', { name: 'Production' }, {}, true],
  ])('with %s, keeps the cached results: %s', async (_, account, rest, kept) => {
    await saveSettings(request({ managementKey: KEY }));
    await resultCacheItem.setValue(cached);
    expect((await saveSettings(request(account, rest))).ok).toBe(true);
    expect(await resultCacheItem.getValue()).toEqual(kept ? cached : {});
  });

  it('clears the history when history is turned off, and only then', async () => {
    await historyItem.setValue([entry]);
    await saveSettings(request({}, { historyEnabled: true }));
    expect(await historyItem.getValue()).toEqual([entry]);
    await saveSettings(request({}, { historyEnabled: false }));
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('forgets the key and the results it fetched', async () => {
    await saveManagementKeys({ [ID]: KEY });
    await resultCacheItem.setValue(cached);
    expect(await forgetManagementKey(ID)).toEqual(view(null));
    expect(await resultCacheItem.getValue()).toEqual({});
    expect(JSON.stringify([await area('local'), await area('session')])).not.toContain(KEY);
  });
});
