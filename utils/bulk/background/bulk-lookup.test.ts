// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '@/test/mock-api/samples';
import { startMockApi, type MockApi } from '@/test/mock-api/server';
import type { KeyHash } from '../../hash-input';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings/settings';
import { startLookup } from '../../lookup/background/lookup-service';
import { historyItem, settingsItem } from '../../storage/background/items';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { readCachedEntries } from '../../lookup/background/result-cache';
import { cancelBulkRun, lookUpInAccount, resetRequestGate } from './bulk-lookup';

// One account's answer for the bulk page, against the real mock: what the page needs to pace
// the account (429 with its time, 401), and the cache a popup lookup reads right after.
let api: MockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  fakeBrowser.reset();
  resetRequestGate();
  api.clearRequests();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }] });
  await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY });
});

/** Whether the cache holds this account's answer for each of these hashes. */
async function expectCached(hashes: string[]): Promise<void> {
  for (const hash of hashes) expect(await readCachedEntries(hash, [FIRST_ACCOUNT.id])).toHaveLength(1);
}

/**
 * The worker's requests, seen through fetch: how many are in flight, and the most there were at
 * once. With `hold`, each waits to go out until `release()`, so a test can act while they are in
 * flight.
 */
function watchRequests({ hold = false } = {}) {
  const send = globalThis.fetch;
  let release = () => {};
  const held = hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const seen = { inFlight: 0, most: 0, release: () => release() };
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
    seen.inFlight += 1;
    seen.most = Math.max(seen.most, seen.inFlight);
    try {
      await held;
      return await send(...args);
    } finally {
      seen.inFlight -= 1;
    }
  });
  return seen;
}

describe('lookUpInAccount', () => {
  it('answers with the key, fills the cache so that a popup lookup is instant, and keeps no history', async () => {
    const reply = await lookUpInAccount(SAMPLE_HASHES.active as KeyHash, FIRST_ACCOUNT.id, 'run-1');
    expect(reply).toMatchObject({ ok: true, result: { ok: true, key: { name: 'Production backend' } } });
    await vi.waitFor(() => expectCached([SAMPLE_HASHES.active]));
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
    // A write takes a while, as Chrome's does under a run: here every write is held until all the
    // answers are in.
    const session = fakeBrowser.storage.session;
    const write = session.set.bind(session);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const writes = vi.spyOn(session, 'set').mockImplementation(async (values) => {
      await held;
      return write(values);
    });
    const cacheWrites = () => writes.mock.calls.filter(([values]) => 'resultCache' in values);
    try {
      await Promise.all(hashes.map((hash) => lookUpInAccount(hash, FIRST_ACCOUNT.id, 'run-1')));
    } finally {
      api.generatedKeys = false;
      release();
    }
    // The first answer's write, then one for the eleven that came while it was under way.
    await vi.waitFor(() => expect(cacheWrites()).toHaveLength(2));
    await Promise.all(writes.mock.results.map((result) => result.value));
    await expectCached(hashes);
  });

  it.each([
    ['a 404', UNKNOWN_HASH, { kind: 'not_found' }],
    [
      'a 429 with the time to come back',
      FAULT_HASHES.rateLimitedSeconds,
      { kind: 'rate_limited', retryAt: expect.any(String) },
    ],
  ])('passes %s through for the page to pace the account', async (_, hash, error) => {
    const reply = await lookUpInAccount(hash as KeyHash, FIRST_ACCOUNT.id, 'run-1');
    expect(reply).toEqual({ ok: true, result: { ok: false, error: expect.objectContaining(error) } });
  });

  it('says 401 when the account’s key is rejected, with the key only in the Authorization header', async () => {
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: 'sk-mg-wrong-key-0000' });
    const reply = await lookUpInAccount(SAMPLE_HASHES.active as KeyHash, FIRST_ACCOUNT.id, 'run-1');
    expect(reply.result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(JSON.stringify(reply)).not.toContain('sk-mg-wrong-key-0000');
    const [get] = api.requests.filter((r) => r.method === 'GET');
    expect(get?.headers.authorization).toBe('Bearer sk-mg-wrong-key-0000');
    expect(get?.url).toBe(`/api/v1/keys/${SAMPLE_HASHES.active}`);
  });

  describe("the gate: at most the setting's requests in flight per account", () => {
    const hashes = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => `${tag}${i.toString(16).padStart(3, '0')}`.padEnd(64, 'b') as KeyHash);
    const gets = () => api.requests.filter((r) => r.method === 'GET');

    beforeEach(async () => {
      const settings = { ...DEFAULT_SETTINGS, bulkConcurrency: 2 };
      await settingsItem.setValue({ ...settings, accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }] });
      api.generatedKeys = true;
    });
    afterEach(() => {
      api.generatedKeys = false;
    });

    it('sends two at a time when the page hands over six, and answers all six', async () => {
      const requests = watchRequests();
      const asked = hashes(6, 'a');
      const answers = await Promise.all(asked.map((hash) => lookUpInAccount(hash, FIRST_ACCOUNT.id, 'run-2')));
      expect(requests.most).toBe(2);
      expect(answers.every((reply) => reply.result.ok)).toBe(true);
      expect(gets().map((r) => r.url)).toEqual(asked.map((hash) => `/api/v1/keys/${hash}`));
    });

    it('sends nothing more of a cancelled run: the four waiting come back interrupted', async () => {
      const requests = watchRequests({ hold: true });
      const replies = hashes(6, 'c').map((hash) => lookUpInAccount(hash, FIRST_ACCOUNT.id, 'run-3'));
      // Two in flight, four waiting in the gate.
      await vi.waitFor(() => expect(requests.inFlight).toBe(2));
      await cancelBulkRun('run-3');
      requests.release();
      const answers = await Promise.all(replies);
      expect(answers.filter((reply) => reply.result.ok)).toHaveLength(2);
      expect(answers.filter((reply) => !reply.result.ok && reply.result.error.kind === 'interrupted')).toHaveLength(4);
      expect(gets()).toHaveLength(2);
      expect((await lookUpInAccount(hashes(1, 'd')[0] as KeyHash, FIRST_ACCOUNT.id, 'run-3')).result).toEqual({
        ok: false,
        error: { kind: 'interrupted' },
      });
      expect(gets()).toHaveLength(2);
    });

    it('after a 429, hands back the waiting requests with its Retry-After time instead of sending them', async () => {
      const settings = { ...DEFAULT_SETTINGS, bulkConcurrency: 1 };
      await settingsItem.setValue({ ...settings, accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }] });
      const limited = lookUpInAccount(FAULT_HASHES.rateLimitedSeconds as KeyHash, FIRST_ACCOUNT.id, 'run-4');
      const other = lookUpInAccount(hashes(1, 'e')[0] as KeyHash, FIRST_ACCOUNT.id, 'run-4');
      const waiting = lookUpInAccount(hashes(1, 'f')[0] as KeyHash, FIRST_ACCOUNT.id, 'run-4');
      const first = await limited;
      expect(first.result).toMatchObject({ ok: false, error: { kind: 'rate_limited', retryAt: expect.any(String) } });
      const retryAt = !first.result.ok && first.result.error.kind === 'rate_limited' ? first.result.error.retryAt : '';
      for (const held of [other, waiting])
        expect((await held).result).toEqual({ ok: false, error: { kind: 'rate_limited', retryAt } });
      expect(gets()).toHaveLength(1);
    });
  });
});
