// The extension's access to the API's origin, as the browser really has it: granted on the
// options page, revoked behind the extension's back (about:addons in Firefox, here through
// permissions.remove), and what the options page and a lookup then say. The mock answers as a
// server that allows no other origin, so only a host grant lets the extension read its answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionPage } from '../driver/types.ts';
import { withChrome } from '../driver/extension-api.ts';
import { SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { BROWSER, useExtension } from '../fixtures.ts';
import { buttons, lookUp, outcomeHeading, readNotice, saveOptions, textOf, waitForText } from '../pages.ts';

const DEFAULT_BASE_URL = 'https://modelgates.ai/api/v1';
const NO_GRANT = /has no access grant for/;

const session = useExtension({ configured: true, mock: { cors: false } });
/** An extension page that changes the permissions, as about:addons would. */
let controls: ExtensionPage;

beforeAll(async () => {
  controls = await session.ext.openPage('popup.html');
});

afterAll(async () => {
  await controls.close();
});

/** Revokes the host permission for these origins; false (or the browser's words) when refused. */
function revoke(origin: string): Promise<boolean | string> {
  return withChrome(
    controls,
    (chrome, origins) => chrome.permissions.remove({ origins }).catch((error: Error) => error.message),
    [origin],
  );
}

/** The options page once its settings have arrived, and what it says about access. */
async function optionsPage(): Promise<{ page: ExtensionPage; note: string | null; offersGrant: boolean }> {
  const page = await session.ext.openPage('options.html');
  await waitForText(page, 'main', 'API base URL');
  const note = await textOf(page, '.access');
  return { page, note, offersGrant: (await buttons(page)).includes('Grant access') };
}

async function grantOnOptionsPage(): Promise<void> {
  const { page } = await optionsPage();
  await page.click('button', 'Grant access');
  await waitForText(page, 'main', 'Test connection');
  await page.close();
  const after = await optionsPage();
  expect(after.offersGrant).toBe(false);
  await after.page.close();
}

describe('access to the mock API (an origin other than the default)', () => {
  /** The options page and a lookup, with no grant for the mock's origin. */
  async function expectNoAccessReported(): Promise<void> {
    const { api, ext } = session;
    const options = await optionsPage();
    // The grant is checked after the settings arrive: wait for its words rather than race them.
    expect(await waitForText(options.page, '.access', NO_GRANT)).toContain(api.origin);
    expect(await buttons(options.page)).toContain('Grant access');
    await options.page.close();

    const popup = await ext.openPage('popup.html');
    await lookUp(popup, SAMPLE_HASHES.byok);
    expect(await readNotice(popup)).toEqual({
      title: 'Could not reach the API',
      body: `Could not connect to ${api.origin}. The extension has no access grant for it, so the request went out as a cross-origin request, which the server may refuse. Grant access in the options.`,
      detail: null,
      openOptions: true,
    });
    await popup.close();
  }

  it('without a grant: the options page offers "Grant access", and a lookup says in words why it failed', async () => {
    await expectNoAccessReported();
  });

  // Chromium asks before it grants an optional host permission, and its prompt cannot be
  // answered headless (permissions.request stays pending); Firefox grants at once with
  // extensions.webextOptionalPermissionPrompts off.
  it.runIf(BROWSER === 'firefox')(
    'granted on the options page, lookups go through; revoked again, the page and a lookup say so',
    async () => {
      await grantOnOptionsPage();
      const popup = await session.ext.openPage('popup.html');
      await lookUp(popup, SAMPLE_HASHES.active);
      expect(await outcomeHeading(popup)).toBe('Production backend');
      await popup.close();

      expect(await revoke('http://127.0.0.1/*')).toBe(true);
      await expectNoAccessReported();
    },
  );
});

describe('access to the default origin, https://modelgates.ai', () => {
  beforeAll(async () => {
    await saveOptions(session.ext, { baseUrl: DEFAULT_BASE_URL });
  });

  it('is granted at install: the options page asks for nothing', async () => {
    const options = await optionsPage();
    expect(options.note).toBeNull();
    expect(options.offersGrant).toBe(false);
    await options.page.close();
  });

  // Chromium keeps a required host permission; Firefox lets the user take it away.
  it('revoked, where the browser allows it, the options page says so and offers "Grant access"', async () => {
    const removed = await revoke('https://modelgates.ai/*');
    const options = await optionsPage();
    if (BROWSER === 'firefox') {
      expect(removed).toBe(true);
      // The grant is checked after the settings arrive: wait for its words rather than race them.
      expect(await waitForText(options.page, '.access', NO_GRANT)).toContain('https://modelgates.ai');
      expect(await buttons(options.page)).toContain('Grant access');
      await options.page.close();
      await grantOnOptionsPage();
    } else {
      expect(removed).toMatch(/required permissions/i);
      expect(options.note).toBeNull();
      await options.page.close();
    }
  });
});
