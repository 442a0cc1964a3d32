// Where the management key is kept, and that nothing else the extension stores holds it: the
// cache, the history and the last lookup. The history keeps no spend figures, and a hostile key
// name stays text in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '../mock-api/samples.ts';
import { startMockApi, type MockApi } from '../mock-api/server.ts';
import {
  configure,
  launchExtension,
  lookUp,
  readStorage,
  saveOptions,
  textOf,
  type ExtensionHarness,
  type OptionChanges,
} from './harness.ts';

/** The key, and a tail of it longer than the 4 characters kept as its hint. */
const SECRETS = [MOCK_MANAGEMENT_KEY, MOCK_MANAGEMENT_KEY.slice(-12)];
const secretsIn = (value: unknown) => {
  const json = JSON.stringify(value);
  return SECRETS.filter((secret) => json.includes(secret));
};

let api: MockApi;
let h: ExtensionHarness;

beforeAll(async () => {
  api = await startMockApi();
  h = await launchExtension();
  await configure(h, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
});

afterAll(async () => {
  await h?.close();
  await api?.close();
});

/** Looks a key up in a fresh popup and returns the name its card shows. */
async function lookUpName(hash: string): Promise<string> {
  const popup = await h.openPage('popup.html');
  try {
    const outcome = await lookUp(popup, hash);
    return await textOf(outcome.getByRole('heading').first());
  } finally {
    await popup.close();
  }
}

describe('"Forget the key when the browser closes"', () => {
  // Steps in order: each starts from where the previous one left the settings.
  // prettier-ignore
  it.each<[string, 'local' | 'session', OptionChanges]>([
    ['checked, with the key entered again', 'session', { forgetKeyOnClose: true, key: MOCK_MANAGEMENT_KEY }],
    ['unchecked: the saved key moves', 'local', { forgetKeyOnClose: false }],
    ['checked again, without entering the key: the saved key moves', 'session', { forgetKeyOnClose: true }],
  ])('%s: only %s storage holds the key, and lookups still work', async (_step, home, changes) => {
    await saveOptions(h, changes);
    const other = home === 'local' ? 'session' : 'local';
    const kept = await readStorage(h.worker, home);
    expect(Object.values(kept.managementKeys ?? {})).toEqual([MOCK_MANAGEMENT_KEY]);
    // Nowhere in the other area, under any item name.
    expect(secretsIn(await readStorage(h.worker, other))).toEqual([]);

    const options = await h.openPage('options.html');
    await options.getByText(`Saved, ending in ${MOCK_MANAGEMENT_KEY.slice(-4)}`).waitFor();
    expect(await options.getByRole('checkbox', { name: 'Forget the key when the browser closes' }).isChecked()).toBe(
      home === 'session',
    );
    await options.close();

    api.clearRequests();
    expect(await lookUpName(SAMPLE_HASHES.active)).toBe('Production backend');
    const gets = api.requests.filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.headers.authorization)).toEqual([`Bearer ${MOCK_MANAGEMENT_KEY}`]);
  });
});

describe('what the extension stores besides the key', () => {
  beforeAll(async () => {
    await saveOptions(h, { forgetKeyOnClose: false });
    for (const hash of [
      SAMPLE_HASHES.active,
      SAMPLE_HASHES.byok,
      SAMPLE_HASHES.limitReached,
      SAMPLE_HASHES.hostile,
      UNKNOWN_HASH,
      FAULT_HASHES.rateLimitedSeconds,
      SAMPLE_HASHES.noLimit,
    ]) {
      await lookUpName(hash);
    }
  });

  it('holds no trace of the management key: not the cache, the history, the last lookup or anything else', async () => {
    const local = await readStorage(h.worker, 'local');
    const session = await readStorage(h.worker, 'session');
    // The stores under test are really there.
    expect(JSON.stringify(session.resultCache)).toContain(SAMPLE_HASHES.byok);
    expect(JSON.stringify(local.history)).toContain(SAMPLE_HASHES.byok);
    expect(session.lastLookup).toMatchObject({ hash: SAMPLE_HASHES.noLimit });

    const { managementKeys: _localKeys, ...localRest } = local;
    const { managementKeys: _sessionKeys, ...sessionRest } = session;
    expect(secretsIn(localRest)).toEqual([]);
    expect(secretsIn(sessionRest)).toEqual([]);
  });

  it('the history keeps hash, account, name, status and time, and no usage figures', async () => {
    const { history } = await readStorage(h.worker, 'local');
    expect(Array.isArray(history)).toBe(true);
    const entries = history as Array<Record<string, unknown>>;
    // Newest first; the failed lookups (404, 429) are not listed.
    expect(entries.map((entry) => entry.hash)).toEqual([
      SAMPLE_HASHES.noLimit,
      SAMPLE_HASHES.hostile,
      SAMPLE_HASHES.limitReached,
      SAMPLE_HASHES.byok,
      SAMPLE_HASHES.active,
    ]);
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(['accountId', 'at', 'hash', 'name', 'status']);
    }
    expect(JSON.stringify(entries)).not.toMatch(/usage|limit_remaining|"limit"/i);
  });

  it('a hostile key name is listed as literal text: no <img> is created and no dialog opens', async () => {
    const popup = await h.openPage('popup.html');
    const entry = popup.getByRole('button', { name: /^Look up <img src=x onerror=alert\(1\)>, / });
    await entry.waitFor();
    expect(await textOf(entry.locator('.history__name'))).toBe('<img src=x onerror=alert(1)>');
    expect(await popup.locator('img').count()).toBe(0);
    // An onerror handler would have run by the time the list painted; this waits one more frame.
    await popup.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(h.dialogs).toEqual([]);
    await popup.close();
  });
});
