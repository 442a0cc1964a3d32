import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeKey } from '@/test/fixtures/key';
import { ACCOUNT_MESSAGES } from '../../accounts/account-input';
import type { KeyHash } from '../../hash-input';
import type { SaveSettingsRequest } from '../contract';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../settings';
import { getSettingsView, removeAccount, saveSettings } from './settings-service';
import { recordInHistory } from '../../lookup/background/history';
import { historyItem, lastLookupItem, readSettings } from '../../storage/background/items';
import { cacheKey, readCachedEntries } from '../../lookup/background/result-cache';

const PRODUCTION_KEY = 'sk-mg-mgmt-production-0000abcd';
const STAGING_KEY = 'sk-mg-mgmt-staging-11119b1d';
const URL = 'https://modelgates.ai/api/v1';
const STAGING_URL = 'https://staging.modelgates.ai/api/v1';
const HASH = 'a'.repeat(64) as KeyHash;
const raw = async (area: 'local' | 'session') => JSON.stringify(await fakeBrowser.storage[area].get(null));
/** An account's key as stored, in whichever area (only the request builder may read it for use). */
async function readManagementKey(accountId: string): Promise<string | null> {
  for (const area of ['session', 'local'] as const) {
    const { managementKeys } = (await fakeBrowser.storage[area].get('managementKeys')) as {
      managementKeys?: Record<string, string>;
    };
    if (managementKeys?.[accountId]) return managementKeys[accountId];
  }
  return null;
}
const request = (accounts: SaveSettingsRequest['accounts'], extra: Partial<SaveSettingsRequest> = {}) => ({
  accounts,
  timeoutSeconds: 10,
  ...extra,
});

/** Saves "Production" (the first account, renamed) and a new "Staging"; returns Staging's new id. */
async function twoAccounts(extra: Partial<SaveSettingsRequest> = {}): Promise<string> {
  const reply = await saveSettings(
    request(
      [
        { id: FIRST_ACCOUNT.id, name: 'Production', baseUrl: URL, managementKey: PRODUCTION_KEY },
        { name: 'Staging', baseUrl: STAGING_URL, managementKey: STAGING_KEY },
      ],
      extra,
    ),
  );
  if (!reply.ok) throw new Error(`not saved: ${JSON.stringify(reply)}`);
  return reply.settings.accounts[1]?.id ?? '';
}

describe('settings with several accounts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('adds an account with a new id and its own key, and tells the pages only id, name, URL and last 4', async () => {
    const stagingId = await twoAccounts();
    expect(stagingId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await readManagementKey(stagingId)).toBe(STAGING_KEY);
    expect(await readManagementKey(FIRST_ACCOUNT.id)).toBe(PRODUCTION_KEY);
    const view = await getSettingsView();
    expect(view.accounts).toEqual([
      { id: FIRST_ACCOUNT.id, name: 'Production', baseUrl: URL, keyLast4: 'abcd' },
      { id: stagingId, name: 'Staging', baseUrl: STAGING_URL, keyLast4: '9b1d' },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/sk-mg-mgmt/);
  });

  it('saves nothing, not even the good account, when one field of another is wrong', async () => {
    const reply = await saveSettings(
      request([
        { id: FIRST_ACCOUNT.id, name: 'Production', baseUrl: URL, managementKey: PRODUCTION_KEY },
        { name: 'production', baseUrl: 'http://staging.example.com', managementKey: STAGING_KEY },
      ]),
    );
    expect(reply).toMatchObject({
      ok: false,
      accountErrors: [{}, { name: ACCOUNT_MESSAGES.nameTaken, baseUrl: expect.stringContaining('https') }],
    });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await raw('local')).not.toMatch(/sk-mg-mgmt/);
  });

  it('says so beside the timeout too, and saves no account, when only the timeout is wrong', async () => {
    const reply = await saveSettings(
      request([{ name: 'New', baseUrl: URL, managementKey: STAGING_KEY }], { timeoutSeconds: 0 }),
    );
    expect(reply).toMatchObject({
      ok: false,
      fieldErrors: { timeoutSeconds: expect.any(String) },
      accountErrors: [{}],
    });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every account’s key in session storage only with "forget the key when the browser closes"', async () => {
    await twoAccounts({ forgetKeyOnClose: true });
    for (const key of [PRODUCTION_KEY, STAGING_KEY]) {
      expect(await raw('local')).not.toContain(key);
      expect(await raw('session')).toContain(key);
    }
    // Turned off again without typing the keys: both move back.
    const reply = await saveSettings(
      request(
        (await getSettingsView()).accounts.map(({ id, name, baseUrl }) => ({ id, name, baseUrl })),
        { forgetKeyOnClose: false },
      ),
    );
    expect(reply.ok).toBe(true);
    for (const key of [PRODUCTION_KEY, STAGING_KEY]) expect(await raw('session')).not.toContain(key);
  });

  it('forgets the cached results of an account whose base URL changes, and only those', async () => {
    const stagingId = await twoAccounts();
    await cacheKey(FIRST_ACCOUNT.id, HASH, makeKey(), new Date().toISOString());
    await cacheKey(stagingId, HASH, makeKey(), new Date().toISOString());
    await saveSettings(
      request([
        { id: FIRST_ACCOUNT.id, name: 'Production', baseUrl: URL },
        { id: stagingId, name: 'Staging', baseUrl: 'https://staging2.modelgates.ai/api/v1' },
      ]),
    );
    const cached = await readCachedEntries(HASH, [FIRST_ACCOUNT.id, stagingId]);
    expect(cached.map((entry) => entry.accountId)).toEqual([FIRST_ACCOUNT.id]);
  });

  it('removes an account with its key in every area, its cached results and its history, and keeps the other', async () => {
    const stagingId = await twoAccounts();
    // A key left in session storage too (say, by an interrupted move) must go as well.
    await fakeBrowser.storage.session.set({ managementKeys: { [stagingId]: STAGING_KEY } });
    await cacheKey(stagingId, HASH, makeKey(), new Date().toISOString());
    await cacheKey(FIRST_ACCOUNT.id, HASH, makeKey(), new Date().toISOString());
    await recordInHistory({ accountId: stagingId, hash: HASH, key: makeKey({ name: 'staging key' }) }, new Date());
    await recordInHistory({ accountId: FIRST_ACCOUNT.id, hash: HASH, key: makeKey({ name: 'kept' }) }, new Date());
    const found = { key: makeKey(), fetchedAt: '', account: { id: stagingId, name: 'Staging' } };
    await lastLookupItem.setValue({
      hash: HASH,
      source: 'popup',
      startedAt: '',
      seen: true,
      result: { ok: true, found: [found] },
    });

    const reply = await removeAccount(stagingId);
    expect(reply).toMatchObject({ ok: true, settings: { accounts: [{ id: FIRST_ACCOUNT.id, name: 'Production' }] } });
    expect(await readManagementKey(stagingId)).toBeNull();
    for (const area of ['local', 'session'] as const) {
      expect(await raw(area)).not.toContain(STAGING_KEY);
      expect(await raw(area)).not.toContain('9b1d');
    }
    expect((await readCachedEntries(HASH, [FIRST_ACCOUNT.id, stagingId])).map((e) => e.accountId)).toEqual([
      FIRST_ACCOUNT.id,
    ]);
    expect((await historyItem.getValue()).map((e) => e.name)).toEqual(['kept']);
    expect(await readManagementKey(FIRST_ACCOUNT.id)).toBe(PRODUCTION_KEY);
    expect(await lastLookupItem.getValue()).toBeNull();
  });

  it('keeps the only account: its key can be removed instead', async () => {
    expect(await removeAccount(FIRST_ACCOUNT.id)).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect(await readSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
