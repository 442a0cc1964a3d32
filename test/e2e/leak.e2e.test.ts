// Across a whole session, the management key goes to the API in the Authorization header and
// nowhere else: not into a URL, not to another origin, not into a console line, not onto a page.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '../mock-api/samples.ts';
import { startMockApi, type MockApi } from '../mock-api/server.ts';
import {
  fillSettings,
  launchExtension,
  lookUp,
  paste,
  waitForSaveStatus,
  waitUntil,
  type ExtensionHarness,
} from './harness.ts';

/** The key, and a tail of it longer than the 4 characters the pages may show. */
const SECRETS = [MOCK_MANAGEMENT_KEY, MOCK_MANAGEMENT_KEY.slice(-12)];
const holdsSecret = (text: string) => SECRETS.some((secret) => text.includes(secret));

interface WorkerChrome {
  contextMenus: { onClicked: { dispatch(info: Record<string, unknown>, tab?: unknown): void } };
  action: { getBadgeText(details: Record<string, never>): Promise<string> };
}

let api: MockApi;
let h: ExtensionHarness;
let options: Page;
let popup: Page;
/** The options page's contents right after "Settings saved.", before anything else happened. */
let optionsAfterSave: string;

/** Everything a page shows or holds: its HTML, its text and the values of its fields. */
async function pageContents(page: Page): Promise<string> {
  const values = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input, textarea'), (field) => (field as HTMLInputElement).value),
  );
  return [await page.content(), await page.locator('body').innerText(), ...values].join('\n');
}

beforeAll(async () => {
  api = await startMockApi();
  h = await launchExtension();

  // A whole session: save, test the connection, look keys up (cards, errors, a redirect, a
  // pasted secret), a context-menu lookup, then the pages opened again.
  options = await h.openPage('options.html');
  await fillSettings(options, { key: MOCK_MANAGEMENT_KEY, baseUrl: api.baseUrl });
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await waitForSaveStatus(options, 'Settings saved.');
  optionsAfterSave = await pageContents(options);
  await options.getByRole('button', { name: 'Test connection' }).click();
  await options.getByText('Connection works').waitFor();

  popup = await h.openPage('popup.html');
  for (const hash of [
    SAMPLE_HASHES.active,
    SAMPLE_HASHES.hostile,
    UNKNOWN_HASH,
    FAULT_HASHES.rateLimitedSeconds,
    FAULT_HASHES.serverErrorJson,
    FAULT_HASHES.redirectElsewhere,
    FAULT_HASHES.notJson,
  ]) {
    await lookUp(popup, hash);
  }
  await paste(popup, MOCK_MANAGEMENT_KEY);

  await h.worker.evaluate((selectionText) => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    chrome.contextMenus.onClicked.dispatch(
      { menuItemId: 'lookup-selection', selectionText, editable: false, pageUrl: 'https://example.com/' },
      undefined,
    );
  }, `key ${SAMPLE_HASHES.byok}`);
  await waitUntil('the context-menu lookup', async () => {
    const badge = await h.worker.evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getBadgeText({}),
    );
    return badge === 'OK' && api.requests.some((r) => r.url.endsWith(SAMPLE_HASHES.byok)) ? true : undefined;
  });

  await options.reload();
  await options.getByText('Saved, ending in').waitFor();
  await lookUp(popup, SAMPLE_HASHES.noLimit);
});

afterAll(async () => {
  await h?.close();
  await api?.close();
});

describe('the management key', () => {
  it('reaches the API only as "Authorization: Bearer <key>"', async () => {
    const gets = api.requests.filter((r) => r.target === 'api' && r.method === 'GET');
    // Options test, 7 popup lookups, the context menu and the last lookup.
    expect(gets.length).toBeGreaterThanOrEqual(10);
    for (const request of gets) expect(request.headers.authorization).toBe(`Bearer ${MOCK_MANAGEMENT_KEY}`);

    const places = api.requests.flatMap((r) => [
      ...(holdsSecret(r.url) ? [`${r.target} ${r.method} url`] : []),
      ...Object.entries(r.headers)
        .filter(([, value]) => holdsSecret(value))
        .map(([name]) => `${r.target} ${r.method} ${name}`),
    ]);
    expect(new Set(places)).toEqual(new Set(['api GET authorization']));
  });

  it('is never sent to the origin the API redirected to', () => {
    const elsewhere = api.requests.filter((r) => r.target === 'elsewhere');
    expect(elsewhere.filter((r) => holdsSecret(JSON.stringify(r)))).toEqual([]);
  });

  it('never appears in a console line of any page or of the worker', async () => {
    // Proof that the lines are being collected at all.
    await popup.evaluate(() => console.info('e2e console probe'));
    await waitUntil('the probe line', async () =>
      h.consoleLines.includes('info: e2e console probe') ? true : undefined,
    );
    expect(h.consoleLines.filter(holdsSecret)).toEqual([]);
  });

  it.each([
    [
      'the options page right after saving',
      async () => optionsAfterSave,
      `Saved, ending in ${MOCK_MANAGEMENT_KEY.slice(-4)}`,
    ],
    ['the options page opened again', () => pageContents(options), `Saved, ending in ${MOCK_MANAGEMENT_KEY.slice(-4)}`],
    ['the popup after the session', () => pageContents(popup), 'Data team notebooks'],
  ])('never appears in %s', async (_name, contents, shown) => {
    const text = await contents();
    // The page is the one expected, with what it should show.
    expect(text).toContain(shown);
    expect(SECRETS.filter((secret) => text.includes(secret))).toEqual([]);
  });
});
