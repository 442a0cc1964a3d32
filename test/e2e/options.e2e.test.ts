// The options page as a person uses it: save the key and base URL, see only the key's last 4,
// get refused for a bad base URL, test the connection, remove the key.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '../mock-api/samples.ts';
import { startMockApi, type MockApi } from '../mock-api/server.ts';
import {
  descriptionOf,
  fillSettings,
  launchExtension,
  lookUp,
  textOf,
  waitForSaveStatus,
  type ExtensionHarness,
} from './harness.ts';

const LAST_4 = MOCK_MANAGEMENT_KEY.slice(-4);
const WRONG_KEY = 'sk-mg-mgmt-wrong-0000000000000000';

let api: MockApi;
let h: ExtensionHarness;

beforeAll(async () => {
  api = await startMockApi();
  h = await launchExtension();
});

afterAll(async () => {
  await h?.close();
  await api?.close();
});

const saveButton = (page: Page) => page.getByRole('button', { name: 'Save', exact: true });
const keyInput = (page: Page) => page.getByLabel('Management key', { exact: true }).and(page.locator('input'));

/** Waits for the test result line or notice below the form and returns its words. */
async function testConnection(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Test connection' }).click();
  const outcome = page.getByText('Connection works', { exact: false }).or(page.getByRole('alert'));
  await outcome.first().waitFor();
  return textOf(outcome.first());
}

describe('options page', () => {
  it('saves the key and the base URL, then shows only the last 4 characters of the key', async () => {
    const page = await h.openPage('options.html');
    await fillSettings(page, { key: MOCK_MANAGEMENT_KEY, baseUrl: api.baseUrl });

    // The key is typed into a password field that can be shown and hidden again.
    expect(await keyInput(page).getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(await keyInput(page).getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: 'Hide' }).click();
    expect(await keyInput(page).getAttribute('type')).toBe('password');

    await saveButton(page).click();
    await waitForSaveStatus(page, 'Settings saved.');
    expect(await textOf(page.locator('main'))).toContain(`Saved, ending in ${LAST_4}`);
    expect(await page.getByRole('button', { name: 'Replace key' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Remove key' }).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(MOCK_MANAGEMENT_KEY);
    // 127.0.0.1 is not the default origin and has no grant yet.
    expect(await page.getByRole('button', { name: 'Grant access' }).isVisible()).toBe(true);
    await page.close();

    const reopened = await h.openPage('options.html');
    await reopened.getByText(`Saved, ending in ${LAST_4}`).waitFor();
    expect(await reopened.getByLabel('API base URL').inputValue()).toBe(api.baseUrl);
    await reopened.close();
  });

  it.each([
    ['ftp://127.0.0.1/api/v1', 'The API base URL must start with https://.'],
    ['https://user:pw@modelgates.ai/api/v1', 'The API base URL must not contain a user name or password.'],
    ['http://example.com/api/v1', 'http:// is allowed only for localhost and 127.0.0.1'],
  ])('refuses the base URL %s, says why beside the field and saves nothing', async (baseUrl, message) => {
    const page = await h.openPage('options.html');
    // Changing the key at the same time shows that a refused form saves no part of itself.
    await fillSettings(page, { key: WRONG_KEY, baseUrl, timeoutSeconds: 20 });
    await saveButton(page).click();
    await waitForSaveStatus(page, 'Nothing was saved. Correct the fields marked below.');
    const field = page.getByLabel('API base URL');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(field)).toContain(message);
    await page.close();

    const reopened = await h.openPage('options.html');
    await reopened.getByText(`Saved, ending in ${LAST_4}`).waitFor();
    expect(await reopened.getByLabel('API base URL').inputValue()).toBe(api.baseUrl);
    expect(await reopened.getByLabel('Timeout (seconds)').inputValue()).toBe('10');
    await reopened.close();
  });

  it('"Test connection" with the saved key says the connection works', async () => {
    const page = await h.openPage('options.html');
    api.clearRequests();
    expect(await testConnection(page)).toBe('Connection works: the API accepted the management key.');
    const probes = api.requests.filter((r) => r.method === 'GET');
    expect(probes).toHaveLength(1);
    expect(probes[0]?.headers.authorization).toBe(`Bearer ${MOCK_MANAGEMENT_KEY}`);
    await page.close();
  });

  it('"Replace key" then "Save" shows the new key\'s last 4 on the same page', async () => {
    const page = await h.openPage('options.html');
    await fillSettings(page, { key: WRONG_KEY });
    await saveButton(page).click();
    await waitForSaveStatus(page, 'Settings saved.');
    expect(await textOf(page.locator('main'))).toContain(`Saved, ending in ${WRONG_KEY.slice(-4)}`);
    expect(await keyInput(page).count()).toBe(0);
    await page.close();
  });

  it('"Test connection" with a wrong saved key says "Management key rejected"', async () => {
    const page = await h.openPage('options.html');
    await fillSettings(page, { key: WRONG_KEY });
    await saveButton(page).click();
    await waitForSaveStatus(page, 'Settings saved.');
    const rejected = await testConnection(page);
    expect(rejected).toMatch(/^Management key rejected\b/);
    // The API's own words, shown apart from ours.
    expect(rejected).toContain('The API said: Invalid management key');
    await page.close();
  });

  it('removes the key: the field is empty again and the popup asks for a key', async () => {
    const page = await h.openPage('options.html');
    await page.getByRole('button', { name: 'Remove key' }).click();
    await page.getByText('Management key removed.').waitFor();
    expect(await keyInput(page).inputValue()).toBe('');
    expect(await page.getByText('Saved, ending in').count()).toBe(0);
    // The rest of the settings stay.
    expect(await page.getByLabel('API base URL').inputValue()).toBe(api.baseUrl);
    await page.close();

    const reopened = await h.openPage('options.html');
    await keyInput(reopened).waitFor();
    expect(await reopened.getByText('Saved, ending in').count()).toBe(0);
    await reopened.close();

    api.clearRequests();
    const popup = await h.openPage('popup.html');
    const outcome = await lookUp(popup, SAMPLE_HASHES.active);
    expect(await textOf(outcome.getByRole('heading'))).toBe('No management key saved');
    expect(api.requests).toEqual([]);
    await popup.close();
  });
});
