// Several accounts, as a person sets them up and uses them: a second account added through the
// options page, a hash only it has, a hash neither has, a broken key in the first account, the
// second account removed. Each account is a mock server of its own, expecting its own key; over
// the whole file, neither key may reach the other account's server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../driver/wait.ts';
import { withChrome } from '../driver/extension-api.ts';
import { MOCK_ACCOUNTS, STAGING_MANAGEMENT_KEY, STAGING_ONLY_HASH } from '../../mock-api/accounts.ts';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '../../mock-api/samples.ts';
import { startMockApi, type MockApi } from '../../mock-api/server.ts';
import { useExtension } from '../fixtures.ts';
import {
  addAccount,
  buttons,
  lookUp,
  outcomeHeading,
  readNotice,
  readStorage,
  replaceKey,
  textOf,
  textsOf,
  waitForSaveStatus,
  waitForText,
} from '../pages.ts';

const WRONG_KEY = 'sk-mg-mgmt-wrong-0000000000000000';
// The first account is the fixture's mock, holding what "Production" holds; the key and base URL
// of "My account" are saved before the first test.
const session = useExtension({ mock: { holds: MOCK_ACCOUNTS[0]?.holds }, configured: true });
let staging: MockApi;

beforeAll(async () => {
  staging = await startMockApi({ managementKey: STAGING_MANAGEMENT_KEY, holds: MOCK_ACCOUNTS[1]?.holds });
});
afterAll(() => staging?.close());

async function options() {
  const page = await session.ext.openPage('options.html');
  await waitForText(page, 'main', 'Saved, ending in');
  return page;
}

/** Looks `hash` up in a new popup and returns what the card or notice says. */
async function lookUpInPopup(hash: string) {
  const popup = await session.ext.openPage('popup.html');
  try {
    await lookUp(popup, hash);
    return {
      heading: await outcomeHeading(popup),
      accounts: await textsOf(popup, '.key-card__account'),
      failures: await textsOf(popup, '.notice__accounts li'),
      notice: (await textOf(popup, '[role="alert"]')) === null ? null : await readNotice(popup),
    };
  } finally {
    await popup.close();
  }
}

describe('several accounts', () => {
  it('adds a second account through the options page, each shown only by its last 4, each tested on its own', async () => {
    const page = await options();
    await page.fill('Account name', 'Production', 'My account');
    await addAccount(page, { name: 'Staging', key: STAGING_MANAGEMENT_KEY, baseUrl: staging.baseUrl });
    await page.click('button', 'Save');
    await waitForSaveStatus(page, 'Settings saved.');
    expect(await textsOf(page, '.account__legend')).toEqual(['Production', 'Staging']);
    expect(await textsOf(page, '.saved-key')).toEqual([
      `Saved, ending in ${MOCK_MANAGEMENT_KEY.slice(-4)}`,
      `Saved, ending in ${STAGING_MANAGEMENT_KEY.slice(-4)}`,
    ]);
    await page.click('button', 'Test connection', 'Staging');
    await waitForText(page, '.accounts fieldset:nth-of-type(2) .test-result', 'Connection works');
    expect(await textOf(page, '.accounts fieldset:nth-of-type(1) .test-result')).toBe('');
    await page.close();
  });

  it('looks up a hash only the second account has: the card says which account', async () => {
    expect(await lookUpInPopup(STAGING_ONLY_HASH)).toMatchObject({
      heading: 'BYOK gateway',
      accounts: ['Account: Staging'],
    });
    expect(await lookUpInPopup(SAMPLE_HASHES.disabled)).toMatchObject({ accounts: ['Account: Production'] });
  });

  it('looks a right-clicked hash up in every account: the popup and the toolbar name the account', async () => {
    const observer = await session.ext.openPage('options.html');
    await session.ext.clickContextMenu({ selectionText: `key: ${STAGING_ONLY_HASH}`, fromTab: false });
    const account = await waitUntil('the popup’s card', () =>
      withChrome(observer, (chrome) => {
        const [popup] = chrome.extension.getViews({ type: 'popup' });
        return popup?.document.querySelector('.key-card__account')?.textContent ?? undefined;
      }),
    );
    expect(account).toBe('Account: Staging');
    const title = await waitUntil('the toolbar title', async () => {
      const text = await withChrome(observer, (chrome) => chrome.action.getTitle({}));
      return text.includes('Staging') ? text : undefined;
    });
    expect(title).toMatch(/^Last lookup: BYOK gateway in Staging \(Active/);
    await withChrome(observer, (chrome) => {
      for (const popup of chrome.extension.getViews({ type: 'popup' })) popup.close();
    });
    await observer.close();
  });

  it('says where a hash no account has was looked for, naming both accounts', async () => {
    const seen = await lookUpInPopup(UNKNOWN_HASH);
    expect(seen.notice).toMatchObject({
      title: 'No key with this hash in any of your 2 accounts',
      body: 'Production and Staging each answered that there is no API key with this hash (404).',
    });
    expect(seen.failures).toEqual([]);
  });

  it('names the account whose key was refused (401), in the usual words, beside where the hash was not found', async () => {
    const page = await options();
    await replaceKey(page, 'Production', WRONG_KEY);
    await page.click('button', 'Save');
    await waitForSaveStatus(page, 'Settings saved.');
    await page.close();

    const seen = await lookUpInPopup(UNKNOWN_HASH);
    expect(seen.notice).toMatchObject({
      title: 'No key with this hash in Staging',
      body: 'Production could not be asked, so the key may be there:',
      openOptions: true,
    });
    expect(seen.failures).toEqual([
      'Production: Management key rejected. The API refused the saved management key (401). Check it or replace it in the options. The API said: Invalid management key',
    ]);
    // The account that works still answers for its own keys.
    expect(await lookUpInPopup(STAGING_ONLY_HASH)).toMatchObject({ accounts: ['Account: Staging'] });

    const again = await options();
    await replaceKey(again, 'Production', MOCK_MANAGEMENT_KEY);
    await again.click('button', 'Save');
    await waitForSaveStatus(again, 'Settings saved.');
    await again.close();
  });

  it('lists recent lookups with their account', async () => {
    const popup = await session.ext.openPage('popup.html');
    const entries = await waitUntil('the history', async () => {
      const texts = await textsOf(popup, '.history__item');
      return texts.length > 0 ? texts : undefined;
    });
    expect(entries[0]).toMatch(/^BYOK gateway · Staging /);
    await popup.close();
  });

  it('removes an account after asking, with its key gone from every storage area', async () => {
    const page = await options();
    await page.click('button', 'Remove account', 'Staging');
    await waitForText(page, '.confirm', 'Remove “Staging”?');
    // The question replaced the button; its own "Remove account" confirms.
    await page.click('button', 'Remove account', 'Staging');
    await waitForSaveStatus(page, 'Account “Staging” removed.');
    expect(await textsOf(page, '.account__legend')).toEqual(['Production']);
    expect(await buttons(page)).not.toContain('Remove account');
    for (const area of ['local', 'session'] as const) {
      const stored = JSON.stringify(await readStorage(page, area));
      expect(stored).not.toContain(STAGING_MANAGEMENT_KEY);
      expect(stored).not.toContain(STAGING_ONLY_HASH);
    }
    await page.close();

    // One account again: the card is as it always was, with no account named.
    expect(await lookUpInPopup(SAMPLE_HASHES.active)).toMatchObject({ heading: 'Production backend', accounts: [] });
  });

  it('over the whole file, sent each key only to its own account’s server, and never showed one on a page', async () => {
    const production = session.api.requests;
    const asText = (requests: MockApi['requests']) =>
      requests.map((r) => [r.url, JSON.stringify(r.headers), r.body].join('\n')).join('\n');
    // Each server was really asked with its own key, so that the absence below means something.
    expect(production.some((r) => r.headers.authorization === `Bearer ${MOCK_MANAGEMENT_KEY}`)).toBe(true);
    expect(staging.requests.some((r) => r.headers.authorization === `Bearer ${STAGING_MANAGEMENT_KEY}`)).toBe(true);
    expect(asText(production)).not.toContain(STAGING_MANAGEMENT_KEY);
    expect(asText(staging.requests)).not.toContain(MOCK_MANAGEMENT_KEY);
    expect(asText(staging.requests)).not.toContain(WRONG_KEY);

    const page = await options();
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    for (const key of [MOCK_MANAGEMENT_KEY, STAGING_MANAGEMENT_KEY]) expect(html).not.toContain(key);
    expect(session.ext.consoleLines.filter((line) => line.includes('sk-mg-mgmt'))).toEqual([]);
    await page.close();
  });
});
