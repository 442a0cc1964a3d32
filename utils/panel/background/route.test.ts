import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { LOOKUP_MENU_ID, onContextMenuClick } from '../../lookup/background/context-menu';
import { takeUnseenLookup } from '../../lookup/background/lookup-service';
import { FIRST_ACCOUNT } from '../../settings/settings';
import type { PanelPush } from '../port-protocol';
import { LOOKUP_MENU_IDS } from '../settings';
import { isPanelOpenIn, listenToPanels } from './panels';
import { readStack, sendStack } from './stack-store';

const HASH = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943';
const OTHER = 'a'.repeat(64);
const body = (hash: string, name: string) => ({
  data: { hash, name, disabled: false, expires_at: null, limit: 100, limit_remaining: 60 },
});
const own = `chrome-extension://${fakeBrowser.runtime.id}`;

let connect: (port: Browser.runtime.Port) => void = () => undefined;

/** A page's port as the worker sees it; `close()` is the page going away. */
function fakePort(name: string, url: string) {
  const pushes: PanelPush[] = [];
  const closers: Array<() => void> = [];
  const port = {
    name,
    sender: { id: fakeBrowser.runtime.id, url },
    postMessage: (push: PanelPush) => pushes.push(structuredClone(push)),
    disconnect: vi.fn(),
    onDisconnect: { addListener: (listener: () => void) => closers.push(listener) },
    onMessage: { addListener: () => undefined },
  };
  connect(port as unknown as Browser.runtime.Port);
  return { port, pushes, close: () => closers.forEach((close) => close()) };
}

const openPanel = (windowId: number) => fakePort(`side-panel:${windowId}`, `${own}/sidepanel.html`);
const click = (selectionText: string, windowId: number, menuItemId = LOOKUP_MENU_ID) =>
  onContextMenuClick({ menuItemId, selectionText, editable: false, pageUrl: 'https://logs.example/' }, {
    id: 40,
    windowId,
  } as Browser.tabs.Tab);
const stackNames = (pushes: PanelPush[]) =>
  pushes.flatMap((push) => (push.kind === 'stack' ? [push.cards.map((card) => card.found[0].key.name)] : [])).at(-1);

describe('the side panel, from the worker', () => {
  let openPopup: ReturnType<typeof vi.fn>;
  let sidePanelOpen: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    fakeBrowser.reset();
    (fakeBrowser.runtime as { onConnect: unknown }).onConnect = {
      addListener: (listener: typeof connect) => (connect = listener),
    };
    listenToPanels(sendStack);
    openPopup = vi.fn(async () => {});
    fakeBrowser.action.openPopup = openPopup as typeof fakeBrowser.action.openPopup;
    sidePanelOpen = vi.fn(async () => {});
    (fakeBrowser as unknown as { sidePanel: unknown }).sidePanel = { open: sidePanelOpen };
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: 'sk-mg-mgmt-test-0123456789abcdef' });
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
      const hash = String(url).split('/').pop() ?? '';
      return Response.json(body(hash, hash === HASH ? 'Billing bot' : 'Other bot'));
    });
  });

  it('knows a window has a panel by the panel’s port, until the panel closes; it sends the stack at once', async () => {
    const panel = openPanel(7);
    expect(isPanelOpenIn(7)).toBe(true);
    expect(isPanelOpenIn(8)).toBe(false);
    await vi.waitFor(() => expect(panel.pushes).toEqual([{ kind: 'stack', cards: [] }]));
    panel.close();
    expect(isPanelOpenIn(7)).toBe(false);
  });

  it('refuses a panel port from any other page, and ignores other ports', () => {
    const forged = fakePort('side-panel:7', `${own}/popup.html`);
    expect(forged.port.disconnect).toHaveBeenCalled();
    const foreign = fakePort('side-panel:7', 'https://evil.example/sidepanel.html');
    expect(foreign.port.disconnect).toHaveBeenCalled();
    fakePort('something-else', `${own}/sidepanel.html`);
    expect(isPanelOpenIn(7)).toBe(false);
  });

  it('shows a right-click in a window with an open panel there, on top of its stack, and opens no popup', async () => {
    const panel = openPanel(7);
    await click(`key ${HASH} in the log`, 7);
    expect(openPopup).not.toHaveBeenCalled();
    expect(sidePanelOpen).not.toHaveBeenCalled();
    expect(panel.pushes).toContainEqual({ kind: 'rightClick', hash: HASH });
    await vi.waitFor(() => expect(stackNames(panel.pushes)).toEqual(['Billing bot']));
    // The panel takes the lookup as the popup would; the popup then has nothing left to show.
    expect(await takeUnseenLookup()).toMatchObject({ hash: HASH, result: { ok: true } });
    await click(OTHER, 7);
    await vi.waitFor(() => expect(stackNames(panel.pushes)).toEqual(['Other bot', 'Billing bot']));
    await click(HASH, 7);
    await vi.waitFor(() => expect(stackNames(panel.pushes)).toEqual(['Billing bot', 'Other bot']));
    panel.close();
  });

  it('opens the popup as before for a right-click in a window without a panel, and leaves the stack alone', async () => {
    const panel = openPanel(7);
    await click(HASH, 8);
    expect(openPopup).toHaveBeenCalledOnce();
    expect(panel.pushes.filter((push) => push.kind === 'rightClick')).toEqual([]);
    expect(await readStack()).toEqual([]);
    panel.close();
  });

  it('with "Show right-click lookups in: the side panel", opens the panel in the click’s own task, before any await', async () => {
    const clicked = click(HASH, 3, LOOKUP_MENU_IDS.panel);
    expect(sidePanelOpen).toHaveBeenCalledWith({ windowId: 3 });
    await clicked;
    expect(openPopup).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect((await readStack()).map((card) => card.hash)).toEqual([HASH]));
    // The panel that opens takes the lookup as it starts.
    expect(await takeUnseenLookup()).toMatchObject({ hash: HASH, result: { ok: true } });
  });

  it('opens Firefox’s sidebar where there is no sidePanel', async () => {
    delete (fakeBrowser as unknown as { sidePanel?: unknown }).sidePanel;
    const sidebarOpen = vi.fn(async () => {});
    (fakeBrowser as unknown as { sidebarAction: unknown }).sidebarAction = { open: sidebarOpen };
    const clicked = click(HASH, 3, LOOKUP_MENU_IDS.panel);
    expect(sidebarOpen).toHaveBeenCalledOnce();
    await clicked;
    expect(openPopup).not.toHaveBeenCalled();
  });

  it('shows the lookup in the popup when the panel cannot be opened', async () => {
    sidePanelOpen.mockRejectedValue(new Error('sidePanel.open() may only be called in response to a user gesture.'));
    await click(HASH, 3, LOOKUP_MENU_IDS.panel);
    expect(openPopup).toHaveBeenCalledOnce();
    expect(await takeUnseenLookup()).toMatchObject({ hash: HASH, result: { ok: true } });
  });

  it('tells the panel of a refused selection once the refusal is on record, and sends nothing', async () => {
    const panel = openPanel(7);
    await click(`sk-mg-v1-${'c'.repeat(64)}`, 7);
    expect(globalThis.fetch).not.toHaveBeenCalled();
    expect(panel.pushes).toContainEqual({ kind: 'rightClick', hash: null });
    expect((await takeUnseenLookup())?.result).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    expect(await readStack()).toEqual([]);
    panel.close();
  });
});
