import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KeyHash } from '../../hash-input';
import { lookUp, readHistoryAfterLookups, startLookup } from './lookup-service';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { saveSettings } from '../../settings/background/settings-service';
import { historyItem, lastLookupItem, resultCacheItem } from '../../storage/background/items';
import { FIRST_ACCOUNT } from '../../settings/settings';

const SECRET = 'sk-mg-mgmt-test-0123456789abcdef';
const HASH = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943' as KeyHash;
const answer = () => Response.json({ data: { hash: HASH, name: 'Billing exporter', disabled: false, usage: 42.5 } });

describe('lookup service', () => {
  const mockFetch = () => vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer());
  let fetchSpy: ReturnType<typeof mockFetch>;
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: SECRET });
    fetchSpy = mockFetch();
  });

  it('serves a repeat lookup from the cache, without a request, when allowed', async () => {
    const lookup = startLookup(HASH, 'popup');
    const first = await lookup.result;
    // The answer comes first; the cache is written right after it.
    await lookup.settled;
    expect(first).toMatchObject({ ok: true, found: [{ key: { name: 'Billing exporter' } }] });
    expect(first.ok && first.cached).toBeFalsy();
    const second = await lookUp(HASH, 'popup', { allowCached: true });
    expect(second).toMatchObject({ ok: true, cached: true, found: [{ key: { name: 'Billing exporter' } }] });
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    await lookUp(HASH, 'popup');
    expect(fetchSpy).toHaveBeenCalledTimes(2);
  });

  it('records history without usage figures, and never the key anywhere', async () => {
    await startLookup(HASH, 'popup').settled;
    expect(await historyItem.getValue()).toMatchObject([
      { hash: HASH, name: 'Billing exporter', status: { text: 'Active' } },
    ]);
    for (const area of ['local', 'session'] as const) {
      const stored = await fakeBrowser.storage[area].get(['history', 'resultCache', 'lastLookup']);
      expect(JSON.stringify(stored)).not.toContain(SECRET);
    }
    expect(JSON.stringify(await historyItem.getValue())).not.toContain('42.5');
    expect(JSON.stringify(await lastLookupItem.getValue())).not.toContain(SECRET);
  });

  it('clears the cache when the base URL changes, and the history when it is turned off', async () => {
    await startLookup(HASH, 'popup').settled;
    await saveSettings({
      accounts: [{ id: FIRST_ACCOUNT.id, name: 'My account', baseUrl: 'https://staging.modelgates.ai/api/v1' }],
      timeoutSeconds: 10,
      historyEnabled: false,
    });
    expect(await resultCacheItem.getValue()).toEqual({});
    expect(await historyItem.getValue()).toEqual([]);
    await startLookup(HASH, 'popup').settled;
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('aborts the earlier request when a newer lookup starts', async () => {
    const signals: AbortSignal[] = [];
    fetchSpy.mockImplementation((_url, init) => {
      const signal = init?.signal;
      if (signal) signals.push(signal);
      // The newer request is answered at once; the older one only ever ends by being aborted.
      if (signals.length > 1) return Promise.resolve(answer());
      return new Promise<Response>((_resolve, reject) => {
        // As real fetch does: an already aborted signal rejects at once, a later abort when it comes.
        if (signal?.aborted) return reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    });
    const older = lookUp(HASH, 'popup');
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    const newer = lookUp('b'.repeat(64) as KeyHash, 'popup');
    expect(await older).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(await newer).toMatchObject({ ok: true });
    expect(signals[0]?.aborted).toBe(true);
    await vi.waitFor(async () => expect((await lastLookupItem.getValue())?.result).toMatchObject({ ok: true }));
    expect((await lastLookupItem.getValue())?.hash).toBe('b'.repeat(64));
  });
});

describe('lookup service answers before its bookkeeping', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: SECRET });
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => answer());
  });

  /** Holds every write to local storage (where the history is) until released. */
  function holdLocalWrites(): () => void {
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      await blocked;
      return set(items);
    });
    return release;
  }

  it('does not make the reply wait for the history write', async () => {
    const release = holdLocalWrites();
    const lookup = startLookup(HASH, 'popup');
    expect(await lookup.result).toMatchObject({ ok: true });
    expect(await historyItem.getValue()).toEqual([]);
    release();
    await lookup.settled;
    expect(await historyItem.getValue()).toHaveLength(1);
  });

  it('lets a history reader wait for the entry of the lookup it was just answered', async () => {
    const release = holdLocalWrites();
    const lookup = startLookup(HASH, 'popup');
    await lookup.result;
    const reading = readHistoryAfterLookups();
    release();
    expect(await reading).toMatchObject([{ hash: HASH, name: 'Billing exporter' }]);
  });
});
