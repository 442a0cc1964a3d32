// Opening Chromium's side panel: the popup's "Open side panel" (a real click, so a real user
// gesture: the panel really opens, for the popup's own window) and a right-click with "Show
// right-click lookups in: the side panel". A right-click dispatched in the worker carries no user
// gesture, so there sidePanel.open is a spy that opens nothing; the panel's page, opened by its
// address, then shows what it would have shown.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { withChrome } from '../driver/extension-api.ts';
import { waitUntil } from '../driver/wait.ts';
import { useChromium } from '../fixtures.ts';
import { openPanelPage, waitForStack } from '../side-panel.ts';
import { asExtensionPage } from '../harness.ts';

const session = useChromium({ configured: true });

const sidePanels = () =>
  withChrome(session.h.worker, async (chrome) =>
    (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => c.documentUrl),
  );

async function windowOf(page: Page): Promise<number> {
  const id = await withChrome(page, async (chrome) => (await chrome.windows.getCurrent()).id);
  if (id === undefined) throw new Error(`${page.url()} has no window`);
  return id;
}

describe('opening the side panel in Chromium', () => {
  it('with "Show right-click lookups in: the side panel", a right-click opens the panel of its window, with its card', async () => {
    const { h } = session;
    const options = await h.openPage('options.html');
    await options.getByRole('radio', { name: 'the side panel' }).check();
    await options.getByText('Saved: right-click lookups open the side panel.').waitFor();
    const tabWindow = await windowOf(options);

    const opened = await withChrome(
      h.worker,
      async (chrome, { menuItemId, selectionText }) => {
        const calls: unknown[] = [];
        const real = chrome.sidePanel.open;
        chrome.sidePanel.open = async (options) => void calls.push(options);
        try {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          chrome.contextMenus.onClicked.dispatch({ menuItemId, selectionText, editable: false }, tab);
          // Called in the click's own task: it is there as soon as dispatch returns.
          return calls;
        } finally {
          chrome.sidePanel.open = real;
        }
      },
      { menuItemId: 'lookup-selection-in-panel', selectionText: `key ${SAMPLE_HASHES.limitReached}` },
    );
    expect(opened).toEqual([{ windowId: tabWindow }]);

    const panel = await openPanelPage(async (path) => asExtensionPage(await h.openPage(path)));
    const state = await waitForStack(panel, ['Nightly eval runner']);
    expect(state.field).toBe(SAMPLE_HASHES.limitReached);
    const popups = await withChrome(options, (chrome) => chrome.extension.getViews({ type: 'popup' }).length);
    expect(popups).toBe(0);
    await panel.close();
    await options.close();
  });

  it('the popup’s "Open side panel" opens the panel for the popup’s own window, and the popup closes', async () => {
    const { h } = session;
    const popup = await h.openPage('popup.html');
    const popupWindow = await windowOf(popup);
    // The call as the page makes it, passed on to the browser; the popup's closing is noted, not
    // done, so that the page can still be asked what it did.
    await withChrome(popup, (chrome) => {
      const marks = globalThis as unknown as { sidePanelCalls: unknown[]; closeAsked: boolean };
      const real = chrome.sidePanel.open.bind(chrome.sidePanel);
      marks.sidePanelCalls = [];
      marks.closeAsked = false;
      chrome.sidePanel.open = (options) => {
        marks.sidePanelCalls.push(options);
        return real(options);
      };
      window.close = () => (marks.closeAsked = true);
    });
    expect(await sidePanels()).toEqual([]);
    await popup.getByRole('button', { name: 'Open side panel' }).click();
    const open = await waitUntil('a side panel to open', async () => {
      const panels = await sidePanels();
      // A panel's context is listed a moment before its document has an address ('').
      return panels.length > 0 && !panels.includes('') ? panels : undefined;
    });
    expect(open).toEqual([`chrome-extension://${h.extensionId}/sidepanel.html`]);
    await waitUntil('the popup to ask to close', () =>
      popup.evaluate(() => ((globalThis as unknown as { closeAsked: boolean }).closeAsked ? true : undefined)),
    );
    expect(await popup.evaluate(() => (globalThis as unknown as { sidePanelCalls: unknown[] }).sidePanelCalls)).toEqual(
      [{ windowId: popupWindow }],
    );
    await popup.close();
  });
});
