// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startMockApi, type MockApi } from '@/test/mock-api/server';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '@/test/mock-api/samples';
import type { KeyHash } from '../../hash-input';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings/settings';
import { MINUTE_MS } from '../../time';
import { lookUp } from '../../lookup/background/lookup-service';
import { settingsItem, spendHistoryItem } from '../../storage/background/items';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { checkNow, unwatchKey, watchKey } from '../../watch/background/service';
import { removeAccount } from '../../settings/background/settings-service';
import { spendHistory } from './handlers';
import { historyWritten } from './spend-store';

// The real worker services against the real mock API; only the clock (Date) is fixed.
let api: MockApi;
const ACTIVE = SAMPLE_HASHES.active as KeyHash;
const BYOK = SAMPLE_HASHES.byok as KeyHash;
const T0 = new Date('2026-11-26T14:05:00Z');
const later = (minutes: number) => vi.setSystemTime(T0.getTime() + minutes * MINUTE_MS);
const points = async (hash = ACTIVE) => {
  const reply = await spendHistory({ hash });
  return reply.ok ? reply.history.samples : [];
};

beforeAll(async () => {
  api = await startMockApi({ now: () => new Date() });
});
afterAll(() => api.close());
beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  api.overrides.clear();
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    cacheSeconds: 0,
    accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }],
  });
  await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY });
});
afterEach(() => vi.useRealTimers());

async function watchFromCard(hash = ACTIVE) {
  await lookUp(hash, 'popup');
  await watchKey({ hash });
}

describe('the spend history of a watched key', () => {
  it('starts with the card’s answer, and each check adds a sample of what the API said', async () => {
    await watchFromCard();
    expect(await points()).toEqual([{ at: T0.getTime(), total: 318.4, period: 42.75, limit: 100, remaining: 57.25 }]);
    later(31);
    api.overrides.set(ACTIVE, { usage: 330.4, usage_monthly: 54.75, limit_remaining: 45.25 });
    await checkNow();
    expect(await points()).toEqual([
      expect.objectContaining({ at: T0.getTime(), period: 42.75 }),
      { at: T0.getTime() + 31 * MINUTE_MS, total: 330.4, period: 54.75, limit: 100, remaining: 45.25 },
    ]);
  });

  it('each lookup of a watched key adds one; lookups of keys not watched add none', async () => {
    await watchFromCard();
    later(2);
    await lookUp(ACTIVE, 'popup');
    await lookUp(BYOK, 'popup');
    await historyWritten();
    expect(await points()).toHaveLength(2);
    expect(await points(BYOK)).toEqual([]);
    // Never a key: only hashes, account ids and figures are stored.
    const stored = JSON.stringify(await spendHistoryItem.getValue());
    expect(stored).not.toContain(MOCK_MANAGEMENT_KEY);
    expect(stored).not.toContain('sk-');
  });

  it('un-watching keeps the history when asked to, and the card page still gets it', async () => {
    await watchFromCard();
    expect(await unwatchKey({ hash: ACTIVE, history: 'keep' })).toEqual({ ok: true, watching: false, samples: 1 });
    expect(await spendHistory({ hash: ACTIVE })).toMatchObject({ ok: true, history: { watching: false } });
    expect(await points()).toHaveLength(1);
    // Not watched, its lookups add nothing more.
    later(2);
    await lookUp(ACTIVE, 'popup');
    await historyWritten();
    expect(await points()).toHaveLength(1);
  });

  it('un-watching deletes the history when asked to', async () => {
    await watchFromCard();
    await watchFromCard(BYOK);
    await unwatchKey({ hash: ACTIVE, history: 'delete' });
    expect(await points()).toEqual([]);
    expect(await points(BYOK)).toHaveLength(1);
  });

  it('goes with its account', async () => {
    const staging = { id: 'stage', name: 'Staging', baseUrl: api.baseUrl };
    await settingsItem.setValue({
      ...(await settingsItem.getValue()),
      accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }, staging],
    });
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY, stage: MOCK_MANAGEMENT_KEY });
    await lookUp(ACTIVE, 'popup');
    await watchKey({ hash: ACTIVE, accountId: 'stage' });
    await watchKey({ hash: ACTIVE, accountId: FIRST_ACCOUNT.id });
    expect((await spendHistoryItem.getValue()).map((s) => s.accountId).sort()).toEqual([FIRST_ACCOUNT.id, 'stage']);
    await removeAccount('stage');
    await historyWritten();
    expect((await spendHistoryItem.getValue()).map((s) => s.accountId)).toEqual([FIRST_ACCOUNT.id]);
  });
});
