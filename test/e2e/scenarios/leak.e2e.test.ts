// Across a whole session, the management key goes to the API in the Authorization header and
// nowhere else: not into a URL, not to another origin, not into a console line, not onto a page.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionPage } from '../driver/types.ts';
import { withChrome } from '../driver/extension-api.ts';
import { waitUntil } from '../driver/wait.ts';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '../../mock-api/samples.ts';
import { useExtension } from '../fixtures.ts';
import { fillSettings, lookUp, paste, waitForSaveStatus, waitForText } from '../pages.ts';

/** The key, and a tail of it longer than the 4 characters the pages may show. */
const SECRETS = [MOCK_MANAGEMENT_KEY, MOCK_MANAGEMENT_KEY.slice(-12)];
const holdsSecret = (text: string) => SECRETS.some((secret) => text.includes(secret));

const session = useExtension();
let options: ExtensionPage;
let popup: ExtensionPage;
/** The options page's contents right after "Settings saved.", before anything else happened. */
let optionsAfterSave: string;

/** Everything a page shows or holds: its HTML, its text and the values of its fields. */
function pageContents(page: ExtensionPage): Promise<string> {
  return page.evaluate(() =>
    [
      document.documentElement.outerHTML,
      document.body.innerText,
      ...Array.from(document.querySelectorAll('input, textarea'), (field) => (field as HTMLInputElement).value),
    ].join('\n'),
  );
}

beforeAll(async () => {
  const { api, ext } = session;
  // A whole session: save, test the connection, look keys up (cards, errors, a redirect, a
  // pasted secret), a context-menu lookup, then the pages opened again.
  options = await ext.openPage('options.html');
  await fillSettings(options, { key: MOCK_MANAGEMENT_KEY, baseUrl: api.baseUrl });
  await options.click('button', 'Save');
  await waitForSaveStatus(options, 'Settings saved.');
  optionsAfterSave = await pageContents(options);
  await options.click('button', 'Test connection');
  await waitForText(options, 'main', 'Connection works');
  await options.close();

  popup = await ext.openPage('popup.html');
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

  await ext.clickContextMenu({ selectionText: `key ${SAMPLE_HASHES.byok}`, fromTab: false });
  await waitUntil('the context-menu lookup', async () => {
    const badge = await withChrome(popup, (chrome) => chrome.action.getBadgeText({}));
    return badge === 'OK' && api.requests.some((r) => r.url.endsWith(SAMPLE_HASHES.byok)) ? true : undefined;
  });

  options = await ext.openPage('options.html');
  await waitForText(options, 'main', 'Saved, ending in');
  await lookUp(popup, SAMPLE_HASHES.noLimit);
});

describe('the management key', () => {
  it('reaches the API only as "Authorization: Bearer <key>"', async () => {
    const { api } = session;
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
    const elsewhere = session.api.requests.filter((r) => r.target === 'elsewhere');
    expect(elsewhere.filter((r) => holdsSecret(JSON.stringify(r)))).toEqual([]);
  });

  it('never appears in a console line of any page or of the background', async () => {
    const { ext } = session;
    // Proof that the lines are being collected at all.
    await popup.evaluate(() => console.info('e2e console probe'));
    await waitUntil('the probe line', async () =>
      ext.consoleLines.some((line) => line.includes('e2e console probe')) ? true : undefined,
    );
    expect(ext.consoleLines.filter(holdsSecret)).toEqual([]);
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
