// The options page as a person uses it: save the key and base URL, see only the key's last 4,
// get refused for a bad base URL, test the connection, remove the key.
import { describe, expect, it } from 'vitest';
import type { ExtensionPage } from '../driver/types.ts';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { useExtension } from '../fixtures.ts';
import {
  buttons,
  fieldState,
  fillSettings,
  lookUp,
  outcomeHeading,
  textOf,
  waitForSaveStatus,
  waitForText,
} from '../pages.ts';

const LAST_4 = MOCK_MANAGEMENT_KEY.slice(-4);
const WRONG_KEY = 'sk-mg-mgmt-wrong-0000000000000000';

const session = useExtension();

/** Clicks "Test connection" and returns the words of the result line or notice below the form. */
async function testConnection(page: ExtensionPage): Promise<string> {
  await page.click('button', 'Test connection');
  return waitForText(page, '.test-result, [role="alert"]', /\S/);
}

async function save(page: ExtensionPage): Promise<void> {
  await page.click('button', 'Save');
  await waitForSaveStatus(page, 'Settings saved.');
}

describe('options page', () => {
  it('saves the key and the base URL, then shows only the last 4 characters of the key', async () => {
    const { api, ext } = session;
    const page = await ext.openPage('options.html');
    await fillSettings(page, { key: MOCK_MANAGEMENT_KEY, baseUrl: api.baseUrl });

    // The key is typed into a password field that can be shown and hidden again.
    expect((await fieldState(page, 'account-1-key')).type).toBe('password');
    await page.click('button', 'Show');
    expect((await fieldState(page, 'account-1-key')).type).toBe('text');
    await page.click('button', 'Hide');
    expect((await fieldState(page, 'account-1-key')).type).toBe('password');

    await save(page);
    expect(await textOf(page, 'main')).toContain(`Saved, ending in ${LAST_4}`);
    expect(await buttons(page)).toEqual(expect.arrayContaining(['Replace key', 'Remove key']));
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(MOCK_MANAGEMENT_KEY);
    // 127.0.0.1 is not the default origin and has no grant yet.
    expect(await buttons(page)).toContain('Grant access');
    await page.close();

    const reopened = await ext.openPage('options.html');
    await waitForText(reopened, 'main', `Saved, ending in ${LAST_4}`);
    expect((await fieldState(reopened, 'account-1-baseUrl')).value).toBe(api.baseUrl);
    await reopened.close();
  });

  it.each([
    ['ftp://127.0.0.1/api/v1', 'The API base URL must start with https://.'],
    ['https://user:pw@modelgates.ai/api/v1', 'The API base URL must not contain a user name or password.'],
    ['http://example.com/api/v1', 'http:// is allowed only for localhost and 127.0.0.1'],
  ])('refuses the base URL %s, says why beside the field and saves nothing', async (baseUrl, message) => {
    const { api, ext } = session;
    const page = await ext.openPage('options.html');
    // Changing the key at the same time shows that a refused form saves no part of itself.
    await fillSettings(page, { key: WRONG_KEY, baseUrl, timeoutSeconds: 20 });
    await page.click('button', 'Save');
    await waitForSaveStatus(page, 'Nothing was saved. Correct the fields marked below.');
    const field = await fieldState(page, 'account-1-baseUrl');
    expect(field.invalid).toBe(true);
    expect(field.description).toContain(message);
    await page.close();

    const reopened = await ext.openPage('options.html');
    await waitForText(reopened, 'main', `Saved, ending in ${LAST_4}`);
    expect((await fieldState(reopened, 'account-1-baseUrl')).value).toBe(api.baseUrl);
    expect((await fieldState(reopened, 'timeoutSeconds')).value).toBe('10');
    await reopened.close();
  });

  it('"Test connection" with the saved key says the connection works', async () => {
    const { api, ext } = session;
    const page = await ext.openPage('options.html');
    await waitForText(page, 'main', `Saved, ending in ${LAST_4}`);
    api.clearRequests();
    expect(await testConnection(page)).toBe('Connection works: the API accepted the management key.');
    const probes = api.requests.filter((r) => r.method === 'GET');
    expect(probes).toHaveLength(1);
    expect(probes[0]?.headers.authorization).toBe(`Bearer ${MOCK_MANAGEMENT_KEY}`);
    await page.close();
  });

  it('"Replace key" then "Save" shows the new key\'s last 4 on the same page', async () => {
    const page = await session.ext.openPage('options.html');
    await fillSettings(page, { key: WRONG_KEY });
    await save(page);
    expect(await textOf(page, 'main')).toContain(`Saved, ending in ${WRONG_KEY.slice(-4)}`);
    expect(await page.evaluate(() => document.querySelector('input#account-1-key'))).toBeNull();
    await page.close();
  });

  it('"Test connection" with a wrong saved key says "Management key rejected"', async () => {
    const page = await session.ext.openPage('options.html');
    await fillSettings(page, { key: WRONG_KEY });
    await save(page);
    const rejected = await testConnection(page);
    expect(rejected).toMatch(/^Management key rejected\b/);
    // The API's own words, shown apart from ours.
    expect(rejected).toContain('The API said: Invalid management key');
    await page.close();
  });

  it('removes the key: the field is empty again and the popup asks for a key', async () => {
    const { api, ext } = session;
    const page = await ext.openPage('options.html');
    await waitForText(page, 'main', 'Saved, ending in');
    await page.click('button', 'Remove key');
    await waitForText(page, 'main', 'Management key removed.');
    expect((await fieldState(page, 'account-1-key')).value).toBe('');
    expect(await textOf(page, 'main')).not.toContain('Saved, ending in');
    // The rest of the settings stay.
    expect((await fieldState(page, 'account-1-baseUrl')).value).toBe(api.baseUrl);
    await page.close();

    const reopened = await ext.openPage('options.html');
    await fillSettings(reopened, {});
    expect(await textOf(reopened, 'main')).not.toContain('Saved, ending in');
    expect((await fieldState(reopened, 'account-1-key')).value).toBe('');
    await reopened.close();

    api.clearRequests();
    const popup = await ext.openPage('popup.html');
    await lookUp(popup, SAMPLE_HASHES.active);
    expect(await outcomeHeading(popup)).toBe('No management key saved');
    expect(api.requests).toEqual([]);
    await popup.close();
  });
});
