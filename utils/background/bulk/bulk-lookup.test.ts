// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '@/test/mock-api/samples';
import { startMockApi, type MockApi } from '@/test/mock-api/server';
import type { KeyHash } from '../../hash-input';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings';
import { startLookup } from '../lookup-service';
import { historyItem, settingsItem } from '../store/items';
import { saveManagementKeys } from '../store/management-key';
import { readCachedEntries } from '../store/result-cache';
import { lookUpInAccount } from './bulk-lookup';

// One account's answer for the bulk page, against the real mock: what the page needs to pace
// the account (429 with its time, 401), and the cache a popup lookup reads right after.
let api: MockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  fakeBrowser.reset();
  api.clearRequests();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }] });
  await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('lookUpInAccount', () => {
  it('answers with the key, fills the cache so that a popup lookup is instant, and keeps no history', async () => {
    const reply = await lookUpInAccount(SAMPLE_HASHES.active as KeyHash, FIRST_ACCOUNT.id);
    expect(reply).toMatchObject({ ok: true, result: { ok: true, key: { name: 'Production backend' } } });
    await settle();
    api.clearRequests();
    const popup = await startLookup(SAMPLE_HASHES.active as KeyHash, 'popup', { allowCached: true }).result;
    expect(popup).toMatchObject({ ok: true, cached: true, found: [{ key: { name: 'Production backend' } }] });
    expect(api.requests).toEqual([]);
    expect(await historyItem.getValue()).toEqual([]);
  });

  it('files answers that come together in one cache write, and every one of them is cached', async () => {
    api.generatedKeys = true;
    const hashes = Array.from(
      { length: 12 },
      (_, i) => `${i.toString(16).padStart(2, '0')}`.padEnd(64, 'c') as KeyHash,
    );
    // A write takes a while, as Chrome's does under a run: answers keep coming meanwhile.
    const session = fakeBrowser.storage.session;
    const write = session.set.bind(session);
    const writes = vi.spyOn(session, 'set').mockImplementation(async (values) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return write(values);
    });
    try {
      await Promise.all(hashes.map((hash) => lookUpInAccount(hash, FIRST_ACCOUNT.id)));
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      api.generatedKeys = false;
    }
    const cacheWrites = writes.mock.calls.filter(([values]) => 'resultCache' in values);
    expect(cacheWrites.length).toBeGreaterThan(0);
    expect(cacheWrites.length).toBeLessThan(hashes.length);
    for (const hash of hashes) expect(await readCachedEntries(hash, [FIRST_ACCOUNT.id])).toHaveLength(1);
  });

  it.each([
    ['a 404', UNKNOWN_HASH, { kind: 'not_found' }],
    [
      'a 429 with the time to come back',
      FAULT_HASHES.rateLimitedSeconds,
      { kind: 'rate_limited', retryAt: expect.any(String) },
    ],
  ])('passes %s through for the page to pace the account', async (_, hash, error) => {
    const reply = await lookUpInAccount(hash as KeyHash, FIRST_ACCOUNT.id);
    expect(reply).toEqual({ ok: true, result: { ok: false, error: expect.objectContaining(error) } });
  });

  it('says 401 when the account’s key is rejected, with the key only in the Authorization header', async () => {
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: 'sk-mg-wrong-key-0000' });
    const reply = await lookUpInAccount(SAMPLE_HASHES.active as KeyHash, FIRST_ACCOUNT.id);
    expect(reply.result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(JSON.stringify(reply)).not.toContain('sk-mg-wrong-key-0000');
    const [get] = api.requests.filter((r) => r.method === 'GET');
    expect(get?.headers.authorization).toBe('Bearer sk-mg-wrong-key-0000');
    expect(get?.url).toBe(`/api/v1/keys/${SAMPLE_HASHES.active}`);
  });
});
