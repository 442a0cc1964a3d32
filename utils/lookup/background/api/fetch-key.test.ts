// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '@/test/mock-api/samples';
import { type MockApi, startMockApi } from '@/test/mock-api/server';
import { fetchKey, type FetchKeyOptions, type Target } from './fetch-key';
import type { KeyHash } from '../../../hash-input';
import { saveManagementKeys } from '../../../accounts/background/management-key';
import { FIRST_ACCOUNT } from '../../../settings/settings';

// These run the real client against the real mock server over loopback: what the server received
// and what the client made of its answer are both real.
let api: MockApi;
const NOW = new Date('2026-11-26T12:00:00Z');

beforeAll(async () => {
  // The server's clock is the client's: its Retry-After date is two minutes after NOW.
  api = await startMockApi({ slowMs: 2000, now: () => NOW });
});
afterAll(() => api.close());
beforeEach(async () => {
  fakeBrowser.reset();
  api.clearRequests();
  await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY });
});

const noWait = { sleep: async () => {}, random: () => 0, now: () => NOW };
const lookup = (hash: string, extra: Partial<Omit<FetchKeyOptions, 'target'> & Target> = {}) => {
  const { baseUrl = api.baseUrl, timeoutSeconds = 5, ...rest } = extra;
  return fetchKey({
    target: { accountId: FIRST_ACCOUNT.id, baseUrl, timeoutSeconds },
    hash: hash as KeyHash,
    ...noWait,
    ...rest,
  });
};
const apiRequests = () => api.requests.filter((r) => r.target === 'api' && r.method === 'GET');

describe('fetchKey against the mock API', () => {
  it('sends GET {base}/keys/{hash} with the key only in the Authorization header', async () => {
    const result = await lookup(SAMPLE_HASHES.active);
    expect(result.ok && result.key.name).toBe('Production backend');
    expect(result.ok && result.fetchedAt).toBe(NOW.toISOString());
    const [request] = apiRequests();
    expect(request?.url).toBe(`/api/v1/keys/${SAMPLE_HASHES.active}`);
    expect(request?.headers.authorization).toBe(`Bearer ${MOCK_MANAGEMENT_KEY}`);
    expect(request?.headers.accept).toBe('application/json');
    expect(JSON.stringify({ ...request, headers: { ...request?.headers, authorization: '' } })).not.toContain(
      MOCK_MANAGEMENT_KEY,
    );
  });

  it('is not configured, and sends nothing, without a saved key', async () => {
    // Cleared as the browser clears it, with change events: the worker drops the key it held.
    await fakeBrowser.storage.local.clear();
    expect(await lookup(SAMPLE_HASHES.active)).toEqual({ ok: false, error: { kind: 'not_configured' } });
    expect(apiRequests()).toHaveLength(0);
  });

  it('keeps unknown and mistyped fields from failing the lookup', async () => {
    const result = await lookup(SAMPLE_HASHES.partial);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['unknown hash', UNKNOWN_HASH, { kind: 'not_found', detail: 'API key not found' }, 1],
    ['403', FAULT_HASHES.forbidden, { kind: 'http_error', status: 403 }, 1],
    [
      '500 with a JSON body',
      FAULT_HASHES.serverErrorJson,
      { kind: 'server_error', status: 500, detail: 'Internal error: upstream database timeout' },
      2,
    ],
    ['502 with an HTML body', FAULT_HASHES.badGatewayHtml, { kind: 'server_error', status: 502 }, 2],
    ['503 with an HTML body', FAULT_HASHES.unavailableHtml, { kind: 'server_error', status: 503 }, 2],
    ['truncated JSON', FAULT_HASHES.truncatedJson, { kind: 'bad_response', status: 200, reason: 'not_json' }, 1],
    ['JSON of the wrong shape', FAULT_HASHES.wrongShape, { kind: 'bad_response', status: 200, reason: 'shape' }, 1],
    ['plain text', FAULT_HASHES.notJson, { kind: 'bad_response', status: 200, reason: 'not_json' }, 1],
    ['a body over 1 MB', FAULT_HASHES.hugeBody, { kind: 'bad_response', status: 200, reason: 'too_large' }, 1],
    ['a redirect to another origin', FAULT_HASHES.redirectElsewhere, { kind: 'redirected', status: 302 }, 1],
    [
      'a 429 without Retry-After',
      FAULT_HASHES.rateLimitedBare,
      { kind: 'rate_limited', detail: 'Rate limit exceeded' },
      1,
    ],
  ])('%s → %o, after %i request(s)', async (_, hash, error, requests) => {
    const result = await lookup(hash);
    expect(result).toEqual({ ok: false, error: expect.objectContaining(error) });
    // 5xx and network failures get one retry; nothing else is retried.
    expect(apiRequests()).toHaveLength(requests);
  });

  it('never sends the key to the origin a redirect points at', async () => {
    await lookup(FAULT_HASHES.redirectElsewhere);
    expect(api.requests.filter((r) => r.target === 'elsewhere')).toEqual([]);
  });

  it('says when to retry a 429, from Retry-After in seconds or as a date', async () => {
    const seconds = await lookup(FAULT_HASHES.rateLimitedSeconds);
    expect(seconds).toMatchObject({ ok: false, error: { kind: 'rate_limited', retryAt: '2026-11-26T12:00:30.000Z' } });
    const date = await lookup(FAULT_HASHES.rateLimitedDate);
    expect(date).toMatchObject({ ok: false, error: { kind: 'rate_limited', retryAt: '2026-11-26T12:02:00.000Z' } });
    expect(apiRequests()).toHaveLength(2);
  });

  it('rejects 401 with the rejected-key error and its message', async () => {
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: 'sk-mg-wrong-key-000000000000' });
    expect(await lookup(SAMPLE_HASHES.active)).toEqual({
      ok: false,
      error: { kind: 'unauthorized', detail: 'Invalid management key' },
    });
  });

  it('times out a slow answer at the configured deadline, without a retry', async () => {
    // The server answers after 2 s: a client that waited for it would show the key.
    const result = await lookup(FAULT_HASHES.slow, { timeoutSeconds: 0.3 });
    expect(result).toEqual({ ok: false, error: { kind: 'timeout', seconds: 0.3 } });
    expect(apiRequests()).toHaveLength(1);
  });

  it('retries a dropped connection once, then calls it a network failure', async () => {
    const result = await lookup(FAULT_HASHES.dropConnection);
    expect(result).toEqual({ ok: false, error: { kind: 'network', origin: api.origin } });
    expect(apiRequests()).toHaveLength(2);
  });

  it('calls an unreachable base URL a network failure', async () => {
    const closed = await startMockApi();
    const baseUrl = closed.baseUrl;
    await closed.close();
    const result = await lookup(SAMPLE_HASHES.active, { baseUrl });
    expect(result).toEqual({ ok: false, error: { kind: 'network', origin: new URL(baseUrl).origin } });
  });

  it('stops at once, as cancelled, when a newer lookup replaces it', async () => {
    const controller = new AbortController();
    const pending = lookup(FAULT_HASHES.slow, { signal: controller.signal });
    await vi.waitFor(() => expect(apiRequests()).toHaveLength(1));
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: { kind: 'cancelled' } });
  });
});
