// Where the management key is kept, and that nothing else the extension stores holds it: the
// cache, the history and the last lookup. The history keeps no spend figures, and a hostile key
// name stays text in it.
import { beforeAll, describe, expect, it } from 'vitest';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '../../mock-api/samples.ts';
import { useExtension } from '../fixtures.ts';
import { lookUp, outcomeHeading, readStorage, saveOptions, waitForText, type OptionChanges } from '../pages.ts';

/** The key, and a tail of it longer than the 4 characters kept as its hint. */
const SECRETS = [MOCK_MANAGEMENT_KEY, MOCK_MANAGEMENT_KEY.slice(-12)];
const secretsIn = (value: unknown) => {
  const json = JSON.stringify(value);
  return SECRETS.filter((secret) => json.includes(secret));
};

const session = useExtension({ configured: true });

/** Looks a key up in a fresh popup and returns the name its card shows. */
async function lookUpName(hash: string): Promise<string | null> {
  const popup = await session.ext.openPage('popup.html');
  try {
    await lookUp(popup, hash);
    return await outcomeHeading(popup);
  } finally {
    await popup.close();
  }
}

/** One of the extension's storage areas, read from an options page opened for it. */
async function storageArea(area: 'local' | 'session'): Promise<Record<string, unknown>> {
  const page = await session.ext.openPage('options.html');
  try {
    return await readStorage(page, area);
  } finally {
    await page.close();
  }
}

describe('"Where the keys are kept": on this computer, or in memory only', () => {
  // Steps in order: each starts from where the previous one left the settings. Each looks up a
  // hash of its own: a card from the cache would prove nothing about where the key is now.
  // prettier-ignore
  it.each<[string, 'local' | 'session', OptionChanges, [string, string]]>([
    ['memory only, with the key entered again', 'session', { forgetKeyOnClose: true, key: MOCK_MANAGEMENT_KEY }, [SAMPLE_HASHES.active, 'Production backend']],
    ['on this computer: the saved key moves', 'local', { forgetKeyOnClose: false }, [SAMPLE_HASHES.byok, 'BYOK gateway']],
    ['memory only again, without entering the key: the saved key moves', 'session', { forgetKeyOnClose: true }, [SAMPLE_HASHES.limitReached, 'Nightly eval runner']],
  ])('%s: only %s storage holds the key, and lookups still work', async (_step, home, changes, [hash, name]) => {
    const { api, ext } = session;
    await saveOptions(ext, changes);
    const other = home === 'local' ? 'session' : 'local';
    const kept = await storageArea(home);
    expect(Object.values(kept.managementKeys ?? {})).toEqual([MOCK_MANAGEMENT_KEY]);
    // Nowhere in the other area, under any item name.
    expect(secretsIn(await storageArea(other))).toEqual([]);

    const options = await ext.openPage('options.html');
    await waitForText(options, 'main', `Saved, ending in ${MOCK_MANAGEMENT_KEY.slice(-4)}`);
    expect(
      await options.evaluate(() =>
        Array.from(document.querySelectorAll('label'))
          .filter((label) => label.textContent?.trim().startsWith('In memory only'))
          .map((label) => (label.control as HTMLInputElement | null)?.checked),
      ),
    ).toEqual([home === 'session']);
    await options.close();

    api.clearRequests();
    expect(await lookUpName(hash)).toBe(name);
    const gets = api.requests.filter((r) => r.method === 'GET');
    expect(gets.map((r) => r.headers.authorization)).toEqual([`Bearer ${MOCK_MANAGEMENT_KEY}`]);
  });
});

describe('what the extension stores besides the key', () => {
  beforeAll(async () => {
    await saveOptions(session.ext, { forgetKeyOnClose: false });
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
    const local = await storageArea('local');
    const inSession = await storageArea('session');
    // The stores under test are really there.
    expect(JSON.stringify(inSession.resultCache)).toContain(SAMPLE_HASHES.byok);
    expect(JSON.stringify(local.history)).toContain(SAMPLE_HASHES.byok);
    expect(inSession.lastLookup).toMatchObject({ hash: SAMPLE_HASHES.noLimit });

    const { managementKeys: _localKeys, ...localRest } = local;
    const { managementKeys: _sessionKeys, ...sessionRest } = inSession;
    expect(secretsIn(localRest)).toEqual([]);
    expect(secretsIn(sessionRest)).toEqual([]);
  });

  it('the history keeps hash, account, name, status and time, and no usage figures', async () => {
    const { history } = await storageArea('local');
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
    const popup = await session.ext.openPage('popup.html');
    await waitForText(popup, '.history__item', '<img src=x onerror=alert(1)>');
    const entry = await popup.evaluate(() => {
      const item = Array.from(document.querySelectorAll('.history__item')).find((button) =>
        button.getAttribute('aria-label')?.startsWith('Look up <img src=x onerror=alert(1)>, '),
      );
      return item?.querySelector('.history__name')?.textContent;
    });
    expect(entry).toBe('<img src=x onerror=alert(1)>');
    expect(await popup.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    // An onerror handler would have run by the time the list painted; this waits one more frame.
    await popup.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(popup.dialogs).toEqual([]);
    await popup.close();
  });
});
