import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KeyHash } from '../../hash-input';
import { startLookup } from './lookup-service';
import { DEFAULT_SETTINGS } from '../../settings/settings';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { forgetKept } from '../../storage/background/memory';
import { warmUp } from './warm-up';

// The worker keeps settings, accounts and keys in memory once read: a warm lookup reads nothing
// from storage before its request, and a change made elsewhere is seen by the next lookup.
const KEY = 'sk-mg-mgmt-warm-0123456789abcdef';
const HASH = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943' as KeyHash;
const PRODUCTION = 'https://modelgates.ai/api/v1';
const STAGING = 'https://staging.modelgates.ai/api/v1';
const account = (baseUrl: string) => ({ id: 'prod', name: 'Production', baseUrl });

const mockFetch = () =>
  vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation(async () => Response.json({ data: { hash: HASH, name: 'Billing exporter' } }));
let fetchSpy: ReturnType<typeof mockFetch>;
const requestedUrls = () => fetchSpy.mock.calls.map(([url]) => String(url));

/** Counts the storage calls of each area from now on. */
function countStorage() {
  const spies = {
    'local.get': vi.spyOn(fakeBrowser.storage.local, 'get'),
    'session.get': vi.spyOn(fakeBrowser.storage.session, 'get'),
    'local.set': vi.spyOn(fakeBrowser.storage.local, 'set'),
    'session.set': vi.spyOn(fakeBrowser.storage.session, 'set'),
  };
  return () => Object.fromEntries(Object.entries(spies).map(([name, spy]) => [name, spy.mock.calls.length]));
}

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({
    settings: { ...DEFAULT_SETTINGS, accounts: [account(PRODUCTION)], cacheSeconds: 0 },
    settings$: { v: 3 },
  });
  await saveManagementKeys({ prod: KEY });
  fetchSpy = mockFetch();
});

describe('a warm lookup', () => {
  it('reads nothing from storage: settings, key, cache, history and last lookup are in memory', async () => {
    await startLookup(HASH, 'popup', { allowCached: true }).settled;
    const counted = countStorage();
    const lookup = startLookup(HASH, 'popup', { allowCached: true });
    expect(await lookup.result).toMatchObject({ ok: true, found: [{ key: { name: 'Billing exporter' } }] });
    await lookup.settled;
    expect(counted()).toMatchObject({ 'local.get': 0, 'session.get': 0 });
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('sees settings saved by another page at the next lookup', async () => {
    await startLookup(HASH, 'popup').settled;
    await fakeBrowser.storage.local.set({
      settings: { ...DEFAULT_SETTINGS, accounts: [account(STAGING)], cacheSeconds: 0 },
    });
    await startLookup(HASH, 'popup').settled;
    expect(requestedUrls()).toEqual([`${PRODUCTION}/keys/${HASH}`, `${STAGING}/keys/${HASH}`]);
  });

  it('sees a removed key at the next lookup, and sends nothing', async () => {
    await startLookup(HASH, 'popup').settled;
    await fakeBrowser.storage.local.remove('managementKeys');
    expect(await startLookup(HASH, 'popup').result).toEqual({ ok: false, error: { kind: 'not_configured' } });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
  });

  it('after the worker stopped, reads again and answers the same', async () => {
    await startLookup(HASH, 'popup').settled;
    forgetKept();
    const counted = countStorage();
    expect(await startLookup(HASH, 'popup').result).toMatchObject({ ok: true });
    expect(counted()['local.get']).toBeGreaterThan(0);
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });
});

describe('a worker just started', () => {
  it('has read settings and keys before the first lookup asks: its request waits for no storage read', async () => {
    forgetKept();
    await warmUp();
    const counted = countStorage();
    let readsBeforeRequest: Record<string, number> = {};
    fetchSpy.mockImplementation(async () => {
      readsBeforeRequest = counted();
      return Response.json({ data: { hash: HASH, name: 'Billing exporter' } });
    });
    expect(await startLookup(HASH, 'popup', { allowCached: true }).result).toMatchObject({ ok: true });
    expect(readsBeforeRequest).toMatchObject({ 'local.get': 0, 'session.get': 0 });
  });
});

describe('the bookkeeping after an answer', () => {
  it('is one write per storage area: history in local; last lookup and cache together in session', async () => {
    await startLookup(HASH, 'popup').settled;
    const counted = countStorage();
    const session = vi.mocked(fakeBrowser.storage.session.set);
    await startLookup(HASH, 'popup').settled;
    expect(counted()).toMatchObject({ 'local.set': 1, 'session.set': 1 });
    expect(Object.keys(session.mock.calls[0]?.[0] ?? {})).toEqual(
      expect.arrayContaining(['lastLookup', 'resultCache']),
    );
    const stored = await fakeBrowser.storage.local.get(['history']);
    expect(stored.history).toMatchObject([{ hash: HASH, name: 'Billing exporter' }]);
  });
});
