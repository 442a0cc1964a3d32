// "Look up key hash" on selected text: the worker's real listener runs (dispatched from the
// worker, since the native menu needs a display), the action popup opens with the result, and the
// toolbar badge sums it up.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '../mock-api/samples.ts';
import { startMockApi, type MockApi } from '../mock-api/server.ts';
import { attachToTarget, configure, launchExtension, waitUntil, type ExtensionHarness } from './harness.ts';

/** The few extension APIs these tests call inside the worker. */
interface WorkerChrome {
  contextMenus: { onClicked: { dispatch(info: Record<string, unknown>, tab?: unknown): void } };
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<Array<{ documentUrl?: string }>> };
  action: { getBadgeText(details: Record<string, never>): Promise<string> };
  tabs: { query(query: { active: boolean }): Promise<unknown[]> };
}

interface PopupView {
  heading: string;
  text: string;
  hashField: string;
}

let api: MockApi;
let h: ExtensionHarness;

beforeAll(async () => {
  api = await startMockApi();
  h = await launchExtension();
  await configure(h, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
});

afterAll(async () => {
  await h?.close();
  await api?.close();
});

afterEach(async () => {
  // Each click opens the popup anew; one left open would make the next openPopup fail over to
  // the fallback window.
  const popups = await popupUrls();
  if (popups.length === 0) return;
  const popup = await attachToTarget(h, '/popup.html');
  await popup.evaluate('window.close()').catch(() => undefined);
  await popup.detach();
  await waitUntil('the popup to close', async () => ((await popupUrls()).length === 0 ? true : undefined));
});

async function clickMenu(selectionText: string, withTab: boolean): Promise<void> {
  await h.worker.evaluate(
    async ({ selectionText, withTab }) => {
      const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
      const [tab] = withTab ? await chrome.tabs.query({ active: true }) : [];
      chrome.contextMenus.onClicked.dispatch(
        { menuItemId: 'lookup-selection', selectionText, editable: false, pageUrl: 'https://example.com/' },
        tab,
      );
    },
    { selectionText, withTab },
  );
}

/** Documents of the action popup (the real one, which Playwright's page list does not show). */
function popupUrls(): Promise<string[]> {
  return h.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: WorkerChrome };
    const contexts = await chrome.runtime.getContexts({ contextTypes: ['POPUP'] });
    return contexts.map((context) => context.documentUrl ?? '');
  });
}

/** Waits for the action popup to show a card or an error, and reads it. */
async function readPopup(): Promise<PopupView> {
  // A popup still loading has no document URL yet.
  const urls = await waitUntil('the action popup', async () => {
    const found = await popupUrls();
    return found.some((url) => url !== '') ? found : undefined;
  });
  expect(urls).toEqual([h.popupUrl]);
  const popup = await attachToTarget(h, '/popup.html');
  try {
    return await popup.evaluate<PopupView>(`new Promise((resolve) => {
      const read = () => {
        const outcome = document.querySelector('article[aria-label="Key details"], [role="alert"]');
        if (!outcome) return setTimeout(read, 25);
        resolve({
          heading: outcome.querySelector('h2')?.textContent ?? '',
          text: outcome.textContent ?? '',
          hashField: document.querySelector('input')?.value ?? '',
        });
      };
      read();
    })`);
  } finally {
    await popup.detach();
  }
}

function badgeText(expected: string): Promise<string> {
  // The badge is set once the lookup is recorded, which may be just after the popup painted.
  return waitUntil(`the badge to read ${expected}`, async () => {
    const text = await h.worker.evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getBadgeText({}),
    );
    return text === expected ? text : undefined;
  }).catch(async (error: unknown) => {
    const actual = await h.worker.evaluate(() =>
      (globalThis as unknown as { chrome: WorkerChrome }).chrome.action.getBadgeText({}),
    );
    throw new Error(`${error instanceof Error ? error.message : String(error)}; it reads "${actual}"`);
  });
}

describe('context menu "Look up key hash"', () => {
  it.each([
    ['without a tab', false, SAMPLE_HASHES.active, 'Production backend', 'OK'],
    ['from a tab', true, SAMPLE_HASHES.limitReached, 'Nightly eval runner', 'LIM'],
    ['for an unknown hash', false, UNKNOWN_HASH, 'No key with this hash', '404'],
  ])('%s: the popup opens on the result and the badge reads it', async (_case, withTab, hash, heading, badge) => {
    api.clearRequests();
    await clickMenu(`see key ${hash} in the log`, withTab);
    const view = await readPopup();
    expect(view.heading).toBe(heading);
    expect(view.hashField).toBe(hash);
    expect(await badgeText(badge)).toBe(badge);
    expect(api.requests.filter((r) => r.method === 'GET').map((r) => r.url)).toEqual([`/api/v1/keys/${hash}`]);
  });

  it('a selected secret key is refused in the popup and never sent', async () => {
    api.clearRequests();
    await clickMenu(`token: sk-mg-v1-${'7e'.repeat(32)}`, false);
    const view = await readPopup();
    expect(view.heading).toBe('Request refused');
    expect(view.text).toContain('API key, not its hash');
    expect(view.hashField).toBe('');
    expect(api.requests).toEqual([]);
  });
});
