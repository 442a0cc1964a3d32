// The lock, in both browsers, as a person uses it: a passphrase too easy to guess is refused; the
// lock turned on leaves no key and no passphrase in any storage area; "Lock now", after which no
// way in (popup, right-click, address bar, bulk page, card page) sends a request; a wrong
// passphrase, then the right one; and the passphrase in no console line, reply or storage area.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { withChrome } from '../driver/extension-api.ts';
import type { ExtensionPage } from '../driver/types.ts';
import { waitUntil } from '../driver/wait.ts';
import { useExtension } from '../fixtures.ts';
import { KEPT_ENCRYPTED, lookUp, outcomeHeading, readStorage, waitForText } from '../pages.ts';

const PASSPHRASE = 'plum kettle harbour violin 42';
const WRONG = 'plum kettle harbour viola 42';
/** The key, and a tail of it longer than the 4 characters the options show. */
const SECRETS = [MOCK_MANAGEMENT_KEY, MOCK_MANAGEMENT_KEY.slice(-12), PASSPHRASE];

const session = useExtension({ configured: true });
/** An extension page to read storage and the toolbar from. */
let observer: ExtensionPage;

beforeAll(async () => {
  observer = await session.ext.openPage('bulk.html');
});
afterAll(async () => {
  await observer.close();
});

/** Every storage area the extension has, as text: local, sync and session. */
async function storageText(): Promise<Record<'local' | 'sync' | 'session', string>> {
  const [local, session_, sync] = await Promise.all([
    readStorage(observer, 'local'),
    readStorage(observer, 'session'),
    withChrome(observer, (chrome) => chrome.storage.sync.get(null).catch(() => ({}))),
  ]);
  return { local: JSON.stringify(local), sync: JSON.stringify(sync), session: JSON.stringify(session_) };
}

const keyRequests = () =>
  session.api.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/keys/')).map((r) => r.url);

async function optionsPage(): Promise<ExtensionPage> {
  const page = await session.ext.openPage('options.html');
  await waitForText(page, 'main', 'Where the keys are kept');
  return page;
}

/** Sends a message as our pages do (@webext-core/messaging's envelope) and returns the reply. */
function ask(page: ExtensionPage, type: string, data?: unknown): Promise<unknown> {
  return withChrome(
    page,
    (chrome, { type, data }): Promise<unknown> =>
      chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() }),
    { type, data: data ?? null },
  );
}

describe('the lock', () => {
  it('refuses a passphrase too easy to guess, says why, and changes nothing', async () => {
    const before = await storageText();
    const options = await optionsPage();
    await options.click('radio', KEPT_ENCRYPTED);
    await options.fill('Passphrase', 'password1234');
    await options.fill('Repeat passphrase', 'password1234');
    await options.click('button', 'Turn on lock');
    expect(await waitForText(options, '[role="alert"]', /^Too easy to guess: /)).toMatch(/^Too easy to guess: \S/);
    await options.close();
    expect((await storageText()).local).toBe(before.local);
    expect(before.local).toContain(MOCK_MANAGEMENT_KEY);
  });

  it('turned on, leaves neither the key nor the passphrase in storage.local, storage.sync or storage.session', async () => {
    const options = await optionsPage();
    await options.click('radio', KEPT_ENCRYPTED);
    await options.fill('Passphrase', PASSPHRASE);
    await options.fill('Repeat passphrase', PASSPHRASE);
    await options.press('Enter');
    await waitForText(options, 'main', 'Change passphrase');
    await options.close();
    const stored = await storageText();
    for (const area of ['local', 'sync', 'session'] as const) {
      for (const secret of SECRETS) expect(stored[area], `${area} holds a secret`).not.toContain(secret);
    }
    expect(stored.local).toContain('"kdf":"PBKDF2-HMAC-SHA-256"');
    // Unlocked for this session: lookups work as before.
    const popup = await session.ext.openPage('popup.html');
    await lookUp(popup, SAMPLE_HASHES.active);
    expect(await outcomeHeading(popup)).toBe('Production backend');
    await popup.close();
  });

  it('after "Lock now", no way in sends anything, and each says it is locked', async () => {
    const popup = await session.ext.openPage('popup.html');
    await popup.click('button', 'Lock now');
    await waitForText(popup, 'h2', 'Locked');
    await popup.close();
    session.api.clearRequests();

    const again = await session.ext.openPage('popup.html');
    await waitForText(again, 'main', 'Locked');
    expect(await again.evaluate(() => document.querySelector('#hash'))).toBeNull();
    await again.close();

    await session.ext.clickContextMenu({ selectionText: SAMPLE_HASHES.byok, fromTab: false });
    const recorded = await waitUntil('the right-click lookup on record', async () => {
      const last = (await readStorage(observer, 'session')).lastLookup as { hash?: string; result?: unknown } | null;
      return last?.hash === SAMPLE_HASHES.byok && last.result ? last.result : undefined;
    });
    expect(recorded).toEqual({ ok: false, error: { kind: 'locked' } });
    await withChrome(observer, (chrome) =>
      chrome.extension.getViews({ type: 'popup' }).forEach((view) => view.close()),
    );

    await session.ext.omnibox.type(SAMPLE_HASHES.limitReached);
    const row = await waitUntil('the locked row', async () => {
      const { defaultRow } = await session.ext.omnibox.read();
      return defaultRow?.startsWith('Locked') ? defaultRow : undefined;
    });
    expect(row).toBe('Locked: press Enter to unlock');

    const bulk = await session.ext.openPage('bulk.html');
    await waitForText(bulk, 'main', 'Unlock to look up.');
    expect(
      await bulk.evaluate(() =>
        Array.from(document.querySelectorAll('button'))
          .filter((b) => b.textContent === 'Look up all')
          .map((b) => b.disabled),
      ),
    ).toEqual([true]);
    await bulk.close();

    const card = await session.ext.openPage(`card.html#${SAMPLE_HASHES.noLimit}`);
    await waitForText(card, 'main', 'Unlock to look up this key.');
    await card.close();

    const title = await withChrome(observer, (chrome) => chrome.action.getTitle({}));
    expect(title).toMatch(/is locked/);
    expect(keyRequests()).toEqual([]);
  });

  it('a wrong passphrase says "Wrong passphrase" and sends nothing; the right one unlocks, and the lookup runs', async () => {
    const popup = await session.ext.openPage('popup.html');
    await popup.fill('Passphrase', WRONG);
    await popup.press('Enter');
    expect(await waitForText(popup, '[role="alert"]', 'Wrong passphrase')).toBe('Wrong passphrase.');
    expect(keyRequests()).toEqual([]);
    await popup.fill('Passphrase', PASSPHRASE);
    await popup.press('Enter');
    await lookUp(popup, SAMPLE_HASHES.byok);
    expect(await outcomeHeading(popup)).toBe('BYOK gateway');
    expect(keyRequests()).toEqual([`/api/v1/keys/${SAMPLE_HASHES.byok}`]);
    await popup.close();
  });

  it('the passphrase and the key derived from it appear in no console line, message reply or storage area', async () => {
    const stored = await storageText();
    const derived = (JSON.parse(stored.session) as { vaultKey?: string }).vaultKey;
    expect(derived).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const replies = JSON.stringify(
      await Promise.all([
        ask(observer, 'lockStatus'),
        ask(observer, 'unlock', { passphrase: PASSPHRASE }),
        ask(observer, 'popupStart'),
        ask(observer, 'getSettings'),
        ask(observer, 'changePassphrase', { current: WRONG, next: 'another long phrase' }),
      ]),
    );
    expect(replies).toContain('"storage":"encrypted"');
    for (const secret of [...SECRETS, derived ?? 'none']) {
      expect(replies).not.toContain(secret);
      expect(session.ext.consoleLines.join('\n')).not.toContain(secret);
    }
    for (const area of ['local', 'sync'] as const) expect(stored[area]).not.toContain(derived);
    expect(stored.session).not.toContain(PASSPHRASE);
  });
});
