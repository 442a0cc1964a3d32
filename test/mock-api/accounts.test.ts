// @vitest-environment node
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MOCK_ACCOUNTS,
  STAGING_MANAGEMENT_KEY,
  STAGING_ONLY_HASH,
  startMockAccounts,
  type MockAccount,
} from './accounts.ts';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from './samples.ts';

let production: MockAccount;
let staging: MockAccount;

beforeAll(async () => {
  [production, staging] = (await startMockAccounts()) as [MockAccount, MockAccount];
});

afterAll(async () => {
  await Promise.all([production.close(), staging.close()]);
});

async function status(api: MockAccount, hash: string, key: string): Promise<number> {
  const res = await fetch(`${api.baseUrl}/keys/${hash}`, { headers: { Authorization: `Bearer ${key}` } });
  await res.body?.cancel();
  return res.status;
}

describe('several mock accounts', () => {
  it('runs each account on its own origin, under the names the demo uses', () => {
    expect([production.name, staging.name]).toEqual(['Production', 'Staging']);
    expect(production.origin).not.toBe(staging.origin);
    expect([production.managementKey, staging.managementKey]).toEqual([MOCK_MANAGEMENT_KEY, STAGING_MANAGEMENT_KEY]);
  });

  it.each([
    ['Production with its own key', () => production, MOCK_MANAGEMENT_KEY, 200],
    ['Production with the Staging key', () => production, STAGING_MANAGEMENT_KEY, 401],
    ['Staging with its own key', () => staging, STAGING_MANAGEMENT_KEY, 404],
    ['Staging with the Production key', () => staging, MOCK_MANAGEMENT_KEY, 401],
  ])('%s answers %s for the active sample', async (_case, api, key, expected) => {
    expect(await status(api(), SAMPLE_HASHES.active, key)).toBe(expected);
  });

  it.each([
    ['the BYOK sample, which only Staging holds', STAGING_ONLY_HASH, 404, 200],
    ['a sample only Production holds', SAMPLE_HASHES.disabled, 200, 404],
    ['a server-error fault, which only Staging serves', FAULT_HASHES.serverErrorJson, 404, 500],
    ['a rate limit, which only Staging serves', FAULT_HASHES.rateLimitedSeconds, 404, 429],
    ['an unknown hash', UNKNOWN_HASH, 404, 404],
  ])('answers %s from its own set of keys', async (_case, hash, atProduction, atStaging) => {
    expect(await status(production, hash, MOCK_MANAGEMENT_KEY)).toBe(atProduction);
    expect(await status(staging, hash, STAGING_MANAGEMENT_KEY)).toBe(atStaging);
  });

  it('reads what an account holds per request, so a test can put one key in two accounts', async () => {
    staging.holds.add(SAMPLE_HASHES.active);
    try {
      expect(await status(staging, SAMPLE_HASHES.active, STAGING_MANAGEMENT_KEY)).toBe(200);
      expect(await status(production, SAMPLE_HASHES.active, MOCK_MANAGEMENT_KEY)).toBe(200);
    } finally {
      staging.holds.delete(SAMPLE_HASHES.active);
    }
    expect(await status(staging, SAMPLE_HASHES.active, STAGING_MANAGEMENT_KEY)).toBe(404);
  });

  it('records each request only at the account it was sent to', async () => {
    production.clearRequests();
    staging.clearRequests();
    await status(staging, STAGING_ONLY_HASH, STAGING_MANAGEMENT_KEY);
    expect(production.requests).toEqual([]);
    expect(staging.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${STAGING_MANAGEMENT_KEY}`]);
  });
});

describe('startMockAccounts', () => {
  it('puts the accounts on consecutive ports from firstPort', async () => {
    const free = await freePort();
    const accounts = await startMockAccounts(MOCK_ACCOUNTS, { firstPort: free });
    try {
      expect(accounts.map((api) => Number(new URL(api.origin).port))).toEqual([free, free + 1]);
    } finally {
      await Promise.all(accounts.map((api) => api.close()));
    }
  });

  it('closes the accounts it started when a later one cannot start', async () => {
    const first = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(first + 1, '127.0.0.1', resolve));
    try {
      await expect(startMockAccounts(MOCK_ACCOUNTS, { firstPort: first })).rejects.toThrow(/EADDRINUSE/);
      // The first account's port is free again: nothing was left listening.
      const again = await startMockAccounts(MOCK_ACCOUNTS.slice(0, 1), { firstPort: first });
      await Promise.all(again.map((api) => api.close()));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
