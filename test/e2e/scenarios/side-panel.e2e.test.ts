// The side panel (Chrome's side panel, Firefox's sidebar), through its page opened by its
// extension address: right-click lookups arrive in it, its own field looks keys up, and the
// stack of this session's cards grows newest first, survives the page closing and empties on
// "Clear". The right-click is dispatched to the background's real listener as in the
// context-menu tests; a right-click from the page's own tab is one in the panel's window.
import { describe, expect, it } from 'vitest';
import { withChrome } from '../driver/extension-api.ts';
import type { ExtensionPage } from '../driver/types.ts';
import { waitUntil } from '../driver/wait.ts';
import { SAMPLE_HASHES, UNKNOWN_HASH } from '../../mock-api/samples.ts';
import { BROWSER, useExtension } from '../fixtures.ts';
import { connections, openPanelPage, readPanel, readPanelDocument, waitForStack } from '../side-panel.ts';

const session = useExtension({ configured: true });

const ACTIVE = 'Production backend';
const LIMIT = 'Nightly eval runner';
const BYOK = 'BYOK gateway';

function popupCount(page: ExtensionPage): Promise<number> {
  return withChrome(page, (chrome) => chrome.extension.getViews({ type: 'popup' }).length);
}

const rightClick = (selectionText: string) => session.ext.clickContextMenu({ selectionText, fromTab: true });

describe('the side panel', () => {
  let panel: ExtensionPage;

  it('opens with the focus in "Key hash" and an empty list of this session’s keys', async () => {
    panel = await openPanelPage((path) => session.ext.openPage(path));
    const state = await readPanel(panel);
    expect(state.focused).toBe('hash');
    expect(state.names).toEqual([]);
    expect(state.empty).toContain('stay listed until the browser closes');
  });

  it('shows a right-click lookup in the open panel, not the popup; a second stacks above it; a repeat moves to the top', async () => {
    const { api } = session;
    api.clearRequests();
    await rightClick(`see key ${SAMPLE_HASHES.active} in the log`);
    let state = await waitForStack(panel, [ACTIVE]);
    expect(state.open).toEqual([true]);
    expect(state.cards).toBe(1);
    expect(state.field).toBe(SAMPLE_HASHES.active);

    await rightClick(SAMPLE_HASHES.limitReached);
    state = await waitForStack(panel, [LIMIT, ACTIVE]);
    expect(state.cards).toBe(2);

    await rightClick(SAMPLE_HASHES.active);
    state = await waitForStack(panel, [ACTIVE, LIMIT]);
    // Moved, not listed twice.
    expect(state.cards).toBe(2);
    expect(await popupCount(panel)).toBe(0);
    expect(api.requests.filter((r) => r.method === 'GET').map((r) => r.url)).toEqual([
      `/api/v1/keys/${SAMPLE_HASHES.active}`,
      `/api/v1/keys/${SAMPLE_HASHES.limitReached}`,
      `/api/v1/keys/${SAMPLE_HASHES.active}`,
    ]);
  });

  it('looks up a hash typed into its field on Enter, to the top of the stack; Esc clears the field', async () => {
    await panel.fill('Key hash', SAMPLE_HASHES.byok);
    await panel.press('Enter');
    let state = await waitForStack(panel, [BYOK, ACTIVE, LIMIT]);
    expect(state.cards).toBe(3);
    await panel.press('Escape');
    state = await readPanel(panel);
    expect(state.field).toBe('');
    expect(state.names).toEqual([BYOK, ACTIVE, LIMIT]);
  });

  it('says under its field why a hash was not found, and leaves the stack as it was', async () => {
    await panel.fill('Key hash', UNKNOWN_HASH);
    await panel.press('Enter');
    const said = await waitUntil('the panel to say why', async () => {
      const state = await readPanel(panel);
      return state.result.includes('No key with this hash') ? state : undefined;
    });
    expect(said.names).toEqual([BYOK, ACTIVE, LIMIT]);
    await panel.press('Escape');
    expect((await readPanel(panel)).result).toBe('');
  });

  it('collapses a card to one line with its name, status and spend, and opens it again', async () => {
    await panel.click('button', `${ACTIVE} Active $42.75 of $100.00`);
    let state = await waitUntil('the card to collapse', async () => {
      const read = await readPanel(panel);
      return read.open[1] === false ? read : undefined;
    });
    expect(state.open).toEqual([true, false, true]);
    expect(state.lines[1]).toBe(`${ACTIVE} Active $42.75 of $100.00`);
    expect(state.cards).toBe(2);
    await panel.click('button', `${LIMIT} Limit reached $25.00 of $25.00`);
    state = await waitUntil('the other card to collapse', async () => {
      const read = await readPanel(panel);
      return read.open[2] === false ? read : undefined;
    });
    expect(state.cards).toBe(1);
  });

  it('has the stack back, collapsed lines too, when the panel is closed and opened again; "Clear" empties it for good', async () => {
    await panel.close();
    panel = await openPanelPage((path) => session.ext.openPage(path));
    let state = await waitForStack(panel, [BYOK, ACTIVE, LIMIT]);
    expect(state.open).toEqual([true, false, false]);
    expect(state.focused).toBe('hash');

    await panel.click('button', 'Clear');
    state = await waitForStack(panel, []);
    expect(state.empty).toContain('stay listed until the browser closes');
    await panel.close();
    panel = await openPanelPage((path) => session.ext.openPage(path));
    expect((await readPanel(panel)).names).toEqual([]);
  });

  it('still gets right-click lookups after the background was stopped (its port connects again)', async () => {
    const before = await connections(panel);
    await session.ext.stopBackground();
    await waitUntil('the panel to connect again', async () => ((await connections(panel)) > before ? true : undefined));
    await rightClick(SAMPLE_HASHES.limitReached);
    await waitForStack(panel, [LIMIT]);
    expect(await popupCount(panel)).toBe(0);
    await panel.close();
  });

  it.runIf(BROWSER === 'firefox')(
    'with "Show right-click lookups in: the side panel", a right-click opens the sidebar with its card',
    async () => {
      const options = await session.ext.openPage('options.html');
      await options.click('radio', 'the side panel');
      await waitUntil('the choice to be saved', async () =>
        (await options.evaluate(() => document.body.innerText)).includes(
          'Saved: right-click lookups open the side panel.',
        )
          ? true
          : undefined,
      );
      // "Look up key hash" as the worker has made it again for this choice (its id says where it shows).
      await session.ext.clickContextMenu({
        menuItemId: 'lookup-selection-in-panel',
        selectionText: SAMPLE_HASHES.byok,
        fromTab: true,
      });
      const sidebar = await waitUntil('the sidebar to show the card', async () => {
        const state = await withChrome(options, readPanelDocument, 'sidebar').catch(() => undefined);
        return state?.names.includes(BYOK) ? state : undefined;
      });
      expect(sidebar.names[0]).toBe(BYOK);
      expect(sidebar.field).toBe(SAMPLE_HASHES.byok);
      expect(await popupCount(options)).toBe(0);
      await options.close();
    },
  );

  it.runIf(BROWSER === 'firefox')('the popup’s "Open side panel" opens the sidebar, and the popup closes', async () => {
    const popup = await session.ext.openPage('popup.html');
    // The call as the page makes it, passed on to Firefox; the popup's closing is noted, not done.
    await withChrome(popup, (chrome) => {
      const marks = globalThis as unknown as { sidebarCalls: number; closeAsked: boolean };
      const sidebar = chrome.sidebarAction;
      const real = sidebar.open.bind(sidebar);
      marks.sidebarCalls = 0;
      marks.closeAsked = false;
      sidebar.open = () => {
        marks.sidebarCalls++;
        return real();
      };
      window.close = () => (marks.closeAsked = true);
    });
    await popup.click('button', 'Open side panel');
    await waitUntil('the popup to ask to close', () =>
      popup.evaluate(() => ((globalThis as unknown as { closeAsked: boolean }).closeAsked ? true : undefined)),
    );
    const after = await withChrome(popup, async (chrome) => ({
      calls: (globalThis as unknown as { sidebarCalls: number }).sidebarCalls,
      open: await chrome.sidebarAction.isOpen({}),
    }));
    expect(after).toEqual({ calls: 1, open: true });
    await popup.close();
  });
});
