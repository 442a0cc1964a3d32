// The lock across a browser restart, in both browsers: the same profile started again comes up
// locked (the derived key lived in session storage only), sends nothing until the passphrase is
// given, and then looks keys up as before.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { startMockApi, type MockApi } from '../../mock-api/server.ts';
import { launchExtension } from '../driver/chromium.ts';
import { launchFirefox } from '../driver/firefox.ts';
import type { ExtensionBrowser, LaunchOptions } from '../driver/types.ts';
import { BROWSER } from '../fixtures.ts';
import { configure, KEPT_ENCRYPTED, lookUp, outcomeHeading, readStorage, waitForText } from '../pages.ts';

const PASSPHRASE = 'plum kettle harbour violin 42';

let api: MockApi;
let profile: NonNullable<LaunchOptions['profile']>;
let ext: ExtensionBrowser | undefined;

const launch = async (): Promise<ExtensionBrowser> =>
  BROWSER === 'firefox' ? launchFirefox({ profile }) : (await launchExtension({ profile })).browser;
const keyRequests = () => api.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/keys/'));

beforeAll(async () => {
  api = await startMockApi();
  profile = { dir: await mkdtemp(join(tmpdir(), 'modelgates-e2e-restart-')), firefoxUuid: randomUUID() };
});
afterAll(async () => {
  await ext?.close();
  await api.close();
  await rm(profile.dir, { recursive: true, force: true });
});

describe('the lock across a browser restart', () => {
  it('is on, unlocked for the session that turned it on', async () => {
    ext = await launch();
    await configure(ext, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
    const options = await ext.openPage('options.html');
    await waitForText(options, 'main', 'Where the keys are kept');
    await options.click('radio', KEPT_ENCRYPTED);
    await options.fill('Passphrase', PASSPHRASE);
    await options.fill('Repeat passphrase', PASSPHRASE);
    await options.click('button', 'Turn on lock');
    await waitForText(options, 'main', 'Change passphrase');
    expect(JSON.stringify(await readStorage(options, 'local'))).not.toContain(MOCK_MANAGEMENT_KEY);
    await options.close();
  });

  it('starts locked on the same profile: nothing is sent until the passphrase is given, then the lookup runs', async () => {
    await ext?.close();
    ext = await launch();
    api.clearRequests();
    const popup = await ext.openPage('popup.html');
    await waitForText(popup, 'h2', 'Locked');
    const card = await ext.openPage(`card.html#${SAMPLE_HASHES.active}`);
    await waitForText(card, 'main', 'Unlock to look up this key.');
    await card.close();
    expect(keyRequests()).toEqual([]);

    await popup.fill('Passphrase', PASSPHRASE);
    await popup.press('Enter');
    await lookUp(popup, SAMPLE_HASHES.active);
    expect(await outcomeHeading(popup)).toBe('Production backend');
    expect(keyRequests().map((r) => r.headers.authorization)).toEqual([`Bearer ${MOCK_MANAGEMENT_KEY}`]);
    await popup.close();
  });
});
