// @vitest-environment node
// While locked, everything says so and sends nothing: the real services against the real mock API.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startMockApi, type MockApi } from '@/test/mock-api/server';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '@/test/mock-api/samples';
import type { KeyHash } from '../../hash-input';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings/settings';
import { lookUp } from '../../lookup/background/lookup-service';
import { lookUpInAccount, resetRequestGate } from '../../bulk/background/bulk-lookup';
import { saveSettings } from '../../settings/background/settings-service';
import { settingsItem } from '../../storage/background/items';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { lookupDescription } from '../../omnibox/suggestion';
import { checkWatched, checkIfSkippedLocked, setCheckEffects } from '../../watch/background/check';
import { listWatched, watchKey } from '../../watch/background/service';
import { paintToolbar } from '../../watch/background/toolbar-attention';
import { forgetCachedKeys } from '../../lookup/background/result-cache';
import { lockNow, setLockEffects } from './lock-state';
import { turnOnLock, unlock } from './passphrase-service';

const PASSPHRASE = 'plum kettle harbour violin 42';
const ACTIVE = SAMPLE_HASHES.active as KeyHash;
const T0 = new Date('2026-11-26T14:05:00Z');
const LOCKED = { ok: false, error: { kind: 'locked' } };
let api: MockApi;
const keyRequests = () => api.requests.filter((r) => r.method === 'GET').length;

beforeAll(async () => {
  api = await startMockApi({ now: () => new Date() });
});
afterAll(() => api.close());
beforeEach(async () => {
  fakeBrowser.reset();
  resetRequestGate();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  api.clearRequests();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }] });
  await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY });
  setCheckEffects({ onAlerts: async () => {}, onChecked: () => paintToolbar(new Date()) });
  // As entrypoints/background.ts wires them.
  setLockEffects({
    onLocked: async () => void (await Promise.all([forgetCachedKeys(), paintToolbar(new Date())])),
    onUnlocked: () => paintToolbar(new Date()),
  });
  await turnOnLock(PASSPHRASE, T0);
});
afterEach(() => vi.useRealTimers());

describe('while locked', () => {
  it('a lookup answers "locked" and sends nothing, not even a cached answer', async () => {
    expect((await lookUp(ACTIVE, 'popup')).ok).toBe(true);
    const sent = keyRequests();
    await lockNow();
    expect(await lookUp(ACTIVE, 'popup', { allowCached: true })).toEqual(LOCKED);
    expect(await lookUp(ACTIVE, 'context_menu')).toEqual(LOCKED);
    expect(keyRequests()).toBe(sent);
  });

  it('the address bar says "Locked: press Enter to unlock"', async () => {
    await lockNow();
    const result = await lookUp(ACTIVE, 'omnibox', { allowCached: true });
    expect(lookupDescription(ACTIVE, result, T0, 'plain')).toBe('Locked: press Enter to unlock');
  });

  it('the bulk page’s lookups answer "locked" and send nothing', async () => {
    await lockNow();
    expect(await lookUpInAccount(ACTIVE, FIRST_ACCOUNT.id, 'run-1')).toEqual({ ok: true, result: LOCKED });
    expect(keyRequests()).toBe(0);
  });

  it('a key cannot be saved, and the settings say to unlock first', async () => {
    await lockNow();
    const reply = await saveSettings({
      accounts: [
        { id: FIRST_ACCOUNT.id, name: 'Mine', baseUrl: api.baseUrl, managementKey: 'sk-mg-mgmt-new-key-1234' },
      ],
      timeoutSeconds: 10,
    });
    expect(reply).toMatchObject({ ok: false, error: { message: /locked\. Unlock them first/ } });
    expect(await settingsItem.getValue()).toMatchObject({ accounts: [{ name: FIRST_ACCOUNT.name }] });
  });

  it('the toolbar’s tooltip says it is locked', async () => {
    await lockNow();
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^ModelGates Key Lookup is locked/);
    await unlock(PASSPHRASE, T0);
    expect(await fakeBrowser.action.getTitle({})).not.toMatch(/locked/);
  });

  it('the watch check is skipped, the list says since when, and the check runs after the unlock', async () => {
    await lookUp(ACTIVE, 'popup');
    await watchKey({ hash: ACTIVE });
    await lockNow();
    vi.setSystemTime(T0.getTime() + 30 * 60_000);
    const sent = keyRequests();
    expect(await checkWatched()).toEqual([]);
    expect(keyRequests()).toBe(sent);
    const [entry] = (await listWatched()).entries;
    expect(entry?.checked).toBe('Not checked since Nov 26, 2026, 14:05 UTC (locked)');

    await unlock(PASSPHRASE, new Date());
    await checkIfSkippedLocked();
    expect(keyRequests()).toBe(sent + 1);
    expect((await listWatched()).entries[0]?.checked).toBe('Checked now');
  });
});
