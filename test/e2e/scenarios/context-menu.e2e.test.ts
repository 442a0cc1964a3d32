// "Look up key hash" on selected text: the background's real listener runs (the driver stands in
// for the native menu, which needs a display), the action popup opens with the result, and the
// toolbar badge sums it up. The popup is read from another extension page of the same extension
// (extension.getViews), which works alike in both browsers.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionPage } from '../driver/types.ts';
import { withChrome } from '../driver/extension-api.ts';
import { waitUntil } from '../driver/wait.ts';
import { SAMPLE_HASHES, UNKNOWN_HASH } from '../../mock-api/samples.ts';
import { useExtension } from '../fixtures.ts';

interface PopupView {
  url: string;
  heading: string;
  text: string;
  hashField: string;
}

const session = useExtension({ configured: true });
/** An extension page that watches the popup and the badge. */
let observer: ExtensionPage;

beforeAll(async () => {
  observer = await session.ext.openPage('options.html');
});

/** The action popup as it is now: undefined while it is closed or has no outcome yet. */
function readPopup(): Promise<PopupView | undefined> {
  return withChrome(observer, (chrome) => {
    const [popup] = chrome.extension.getViews({ type: 'popup' });
    const outcome = popup?.document.querySelector('article[aria-label="Key details"], [role="alert"]');
    if (!popup || !outcome) return undefined;
    return {
      url: popup.location.href,
      heading: outcome.querySelector('h2')?.textContent ?? '',
      text: outcome.textContent ?? '',
      hashField: popup.document.querySelector('input')?.value ?? '',
    };
  });
}

function popupCount(): Promise<number> {
  return withChrome(observer, (chrome) => chrome.extension.getViews({ type: 'popup' }).length);
}

function badgeText(): Promise<string> {
  return withChrome(observer, (chrome) => chrome.action.getBadgeText({}));
}

afterEach(async () => {
  // Each click opens the popup anew; one left open would make the next openPopup fail over to
  // the fallback window.
  await withChrome(observer, (chrome) => {
    chrome.extension.getViews({ type: 'popup' }).forEach((view) => view.close());
  });
  await waitUntil('the popup to close', async () => ((await popupCount()) === 0 ? true : undefined));
});

describe('context menu "Look up key hash"', () => {
  it.each([
    ['without a tab', false, SAMPLE_HASHES.active, 'Production backend', 'OK'],
    ['from a tab', true, SAMPLE_HASHES.limitReached, 'Nightly eval runner', 'LIM'],
    ['for an unknown hash', false, UNKNOWN_HASH, 'No key with this hash', '404'],
  ])('%s: the popup opens on the result and the badge reads it', async (_case, fromTab, hash, heading, badge) => {
    const { api, ext } = session;
    api.clearRequests();
    await ext.clickContextMenu({ selectionText: `see key ${hash} in the log`, fromTab });
    const view = await waitUntil('the action popup to show an outcome', readPopup);
    expect(view.url).toBe(`${ext.baseUrl}popup.html`);
    expect(view.heading).toBe(heading);
    expect(view.hashField).toBe(hash);
    // The badge is set once the lookup is recorded, which may be just after the popup painted.
    await waitUntil(`the badge to read ${badge}`, async () => ((await badgeText()) === badge ? true : undefined)).catch(
      async (error: unknown) => {
        throw new Error(`${String(error)}; it reads "${await badgeText()}"`);
      },
    );
    expect(api.requests.filter((r) => r.method === 'GET').map((r) => r.url)).toEqual([`/api/v1/keys/${hash}`]);
  });

  it('a selected secret key is refused in the popup and never sent', async () => {
    const { api, ext } = session;
    api.clearRequests();
    await ext.clickContextMenu({ selectionText: `token: sk-mg-v1-${'7e'.repeat(32)}`, fromTab: false });
    const view = await waitUntil('the action popup to show an outcome', readPopup);
    expect(view.heading).toBe('Request refused');
    expect(view.text).toContain('API key, not its hash');
    expect(view.hashField).toBe('');
    expect(api.requests).toEqual([]);
  });
});
