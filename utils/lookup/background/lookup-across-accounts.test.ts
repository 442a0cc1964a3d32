// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  STAGING_MANAGEMENT_KEY,
  STAGING_ONLY_HASH,
  startMockAccounts,
  type MockAccount,
} from '@/test/mock-api/accounts';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '@/test/mock-api/samples';
import type { KeyHash } from '../../hash-input';
import { completeLookup, lookUp, startLookup } from './lookup-service';
import { DEFAULT_SETTINGS } from '../../settings/settings';
import { historyItem, settingsItem } from '../../storage/background/items';
import { saveManagementKeys } from '../../accounts/background/management-key';

// The real lookup service against two real mock accounts on two ports: what each server received
// and what the user is shown are both real.
let production: MockAccount;
let staging: MockAccount;
const PRODUCTION = { id: 'prod', name: 'Production' };
const STAGING = { id: 'stage', name: 'Staging' };

beforeAll(async () => {
  [production, staging] = (await startMockAccounts()) as [MockAccount, MockAccount];
});
afterAll(() => Promise.all([production.close(), staging.close()]));
beforeEach(async () => {
  fakeBrowser.reset();
  for (const api of [production, staging]) {
    api.clearRequests();
    api.latencyMs = 0;
  }
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    accounts: [
      { ...PRODUCTION, baseUrl: production.baseUrl },
      { ...STAGING, baseUrl: staging.baseUrl },
    ],
  });
  await saveManagementKeys({ prod: MOCK_MANAGEMENT_KEY, stage: STAGING_MANAGEMENT_KEY });
});

const hash = (text: string) => text as KeyHash;

describe('a lookup across accounts', () => {
  it('answers as soon as the account that has the key answers, without waiting for the slow one', async () => {
    // Production answers nothing until it is let go: the answer, and the history, come without it.
    const release = production.holdAnswers();
    const lookup = startLookup(hash(STAGING_ONLY_HASH), 'popup');
    let all: ReturnType<typeof completeLookup>;
    try {
      expect(await lookup.result).toMatchObject({
        ok: true,
        found: [{ account: STAGING, key: { hash: STAGING_ONLY_HASH } }],
        pending: [PRODUCTION],
      });
      await lookup.recorded;
      expect(await historyItem.getValue()).toMatchObject([{ hash: STAGING_ONLY_HASH, accountId: 'stage' }]);
      all = completeLookup(hash(STAGING_ONLY_HASH));
    } finally {
      release();
    }
    // Every account's answer: nothing is pending once production has said it has no such key.
    expect(await all).toEqual({ ok: true, found: [expect.objectContaining({ account: STAGING })] });
  });

  it('sends each account’s key only to that account’s server, in the Authorization header only', async () => {
    for (const h of [SAMPLE_HASHES.active, STAGING_ONLY_HASH, UNKNOWN_HASH]) await lookUp(hash(h), 'popup');
    await startLookup(hash(SAMPLE_HASHES.disabled), 'popup').settled;
    expect(production.requests.map((r) => r.headers.authorization)).toEqual(
      Array(4).fill(`Bearer ${MOCK_MANAGEMENT_KEY}`),
    );
    expect(staging.requests.map((r) => r.headers.authorization)).toEqual(
      Array(4).fill(`Bearer ${STAGING_MANAGEMENT_KEY}`),
    );
    expect(JSON.stringify(production.requests)).not.toContain(STAGING_MANAGEMENT_KEY);
    expect(JSON.stringify(staging.requests)).not.toContain(MOCK_MANAGEMENT_KEY);
  });

  it('shows both accounts, in their order, when the same hash is in both', async () => {
    staging.holds.add(SAMPLE_HASHES.active);
    try {
      const lookup = startLookup(hash(SAMPLE_HASHES.active), 'popup');
      const all = await lookup.complete;
      expect(all.ok && all.found.map((f) => f.account?.name)).toEqual(['Production', 'Staging']);
      await lookup.settled;
      expect((await historyItem.getValue()).map((e) => e.accountId).sort()).toEqual(['prod', 'stage']);
    } finally {
      staging.holds.delete(SAMPLE_HASHES.active);
    }
  });

  it('says where the key is not, naming every account, when none has it', async () => {
    expect(await lookUp(hash(UNKNOWN_HASH), 'popup')).toEqual({
      ok: false,
      error: { kind: 'not_in_accounts', notFoundIn: [PRODUCTION, STAGING], failed: [] },
    });
  });

  it('says which account could not be asked, and why, next to where the key is not', async () => {
    await saveManagementKeys({ prod: 'sk-mg-mgmt-broken-key-0000' });
    expect(await lookUp(hash(FAULT_HASHES.serverErrorJson), 'popup')).toEqual({
      ok: false,
      error: {
        kind: 'not_in_accounts',
        notFoundIn: [],
        failed: [
          { account: PRODUCTION, error: { kind: 'unauthorized', detail: 'Invalid management key' } },
          {
            account: STAGING,
            error: { kind: 'server_error', status: 500, detail: 'Internal error: upstream database timeout' },
          },
        ],
      },
    });
  });

  it('serves a repeat lookup from the cache with its account, asking no server', async () => {
    await startLookup(hash(STAGING_ONLY_HASH), 'popup').settled;
    const before = production.requests.length + staging.requests.length;
    expect(await lookUp(hash(STAGING_ONLY_HASH), 'popup', { allowCached: true })).toMatchObject({
      ok: true,
      cached: true,
      found: [{ account: STAGING, key: { hash: STAGING_ONLY_HASH } }],
    });
    expect(production.requests.length + staging.requests.length).toBe(before);
  });

  it('gives no complete answer for a hash other than the latest lookup’s', async () => {
    await lookUp(hash(SAMPLE_HASHES.active), 'popup');
    expect(await completeLookup(hash(UNKNOWN_HASH))).toEqual({ ok: false, error: { kind: 'cancelled' } });
  });
});
