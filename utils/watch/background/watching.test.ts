// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startMockApi, type MockApi } from '@/test/mock-api/server';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '@/test/mock-api/samples';
import type { KeyHash } from '../../hash-input';
import type { MergedLookup } from '../../lookup/account-answers';
import { lookupHandlers } from '../../lookup/background/handlers';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings/settings';
import { settingsItem } from '../../storage/background/items';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { watchKey } from './service';
import { withWatching } from './watching';

// The lookup's reply says of each card whether its key is watched: the real handler, the real
// watchlist and the real mock API.
let api: MockApi;
const ACTIVE = SAMPLE_HASHES.active as KeyHash;
const DISABLED = SAMPLE_HASHES.disabled as KeyHash;
const SECOND = { id: 'second', name: 'Second account' };
const lookUp = (hash: KeyHash) => lookupHandlers.lookup.answer({ hash });
const watchingOf = (answer: MergedLookup) => (answer.ok ? answer.found.map((entry) => entry.watching) : answer.error);

beforeAll(async () => {
  api = await startMockApi({ now: () => new Date() });
});
afterAll(() => api.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }] });
  await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY });
});

describe("the lookup's reply says whether each card's key is watched", () => {
  it('not watched, then watched once the card has been watched', async () => {
    expect(watchingOf(await lookUp(ACTIVE))).toEqual([false]);
    expect(await watchKey({ hash: ACTIVE })).toMatchObject({ ok: true, watching: true });
    expect(watchingOf(await lookUp(ACTIVE))).toEqual([true]);
    // Another key of the same account is not.
    expect(watchingOf(await lookUp(DISABLED))).toEqual([false]);
  });

  it('with several accounts, by the account each card names', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      accounts: [
        { ...FIRST_ACCOUNT, baseUrl: api.baseUrl },
        { ...SECOND, baseUrl: api.baseUrl },
      ],
    });
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY, [SECOND.id]: MOCK_MANAGEMENT_KEY });
    expect(await watchKey({ hash: ACTIVE, accountId: SECOND.id })).toMatchObject({ ok: true, watching: true });
    await lookUp(ACTIVE);
    const answer = await lookupHandlers.completeLookup.answer({ hash: ACTIVE });
    expect(answer.ok && answer.found.map((entry) => [entry.account?.id, entry.watching])).toEqual([
      [FIRST_ACCOUNT.id, false],
      [SECOND.id, true],
    ]);
  });

  it('passes an answer that found nothing through as it is', async () => {
    const notFound: MergedLookup = { ok: false, error: { kind: 'not_found' } };
    expect(await withWatching(Promise.resolve(notFound))).toEqual(notFound);
  });
});
