import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { takeBulkInbox } from '../../bulk/background/inbox';
import { NO_HASHES_ON_PAGE, PAGE_NOT_READABLE } from '../../bulk/background/find-on-page';
import { FIND_MENU_ID, LOOKUP_MENU_ID, createContextMenu, onContextMenuClick } from './context-menu';
import { takeUnseenLookup } from './lookup-service';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { lastLookupItem } from '../../storage/background/items';
import { FIRST_ACCOUNT } from '../../settings/settings';

const HASH = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943';
const body = {
  data: { hash: HASH, name: 'Billing exporter', disabled: false, expires_at: null, limit: null, limit_remaining: null },
};
const click = (selectionText: string) =>
  onContextMenuClick({ menuItemId: LOOKUP_MENU_ID, selectionText, editable: false, pageUrl: 'https://logs.example/' });

describe('context menu', () => {
  let openPopup: ReturnType<typeof vi.fn>;

  beforeEach(async () => {
    fakeBrowser.reset();
    openPopup = vi.fn(async () => {});
    fakeBrowser.action.openPopup = openPopup as typeof fakeBrowser.action.openPopup;
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: 'sk-mg-mgmt-test-0123456789abcdef' });
  });

  it('offers "Look up key hash" on selected text only', () => {
    const create = vi.fn();
    fakeBrowser.contextMenus.create = create as typeof fakeBrowser.contextMenus.create;
    createContextMenu();
    expect(create).toHaveBeenCalledWith({ id: 'lookup-selection', title: 'Look up key hash', contexts: ['selection'] });
    expect(create).toHaveBeenCalledWith({
      id: 'find-on-page',
      title: 'Find key hashes on this page',
      contexts: ['page'],
    });
  });

  it('gives "Look up key hash" the id that says its lookups open the side panel, when the option says so', () => {
    const create = vi.fn();
    fakeBrowser.contextMenus.create = create as typeof fakeBrowser.contextMenus.create;
    createContextMenu('panel');
    expect(create).toHaveBeenCalledWith({
      id: 'lookup-selection-in-panel',
      title: 'Look up key hash',
      contexts: ['selection'],
    });
  });

  it('looks up the selected hash, opens the popup and leaves the result for it', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json(body));
    await click(`error for key "${HASH.toUpperCase()}" in billing`);
    expect(openPopup).toHaveBeenCalledOnce();
    expect(String(fetchSpy.mock.calls[0]?.[0])).toBe(`https://modelgates.ai/api/v1/keys/${HASH}`);
    const shown = await takeUnseenLookup();
    expect(shown).toMatchObject({
      hash: HASH,
      result: { ok: true, found: [{ key: { name: 'Billing exporter' } }] },
    });
    // Shown once: the next popup opening starts empty.
    expect(await takeUnseenLookup()).toBeNull();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');
  });

  it('refuses a selected secret key, sends nothing and does not store the selection', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const secret = `sk-mg-v1-${'c'.repeat(64)}`;
    await click(secret);
    expect(fetchSpy).not.toHaveBeenCalled();
    const last = await lastLookupItem.getValue();
    expect(last?.result).toMatchObject({
      ok: false,
      error: { kind: 'invalid_request', message: expect.stringContaining('not its hash') },
    });
    expect(JSON.stringify(last)).not.toContain('c'.repeat(64));
    expect(openPopup).toHaveBeenCalledOnce();
  });

  it('opens the bulk page with every hash when the selection holds several, and no popup', async () => {
    const other = 'a'.repeat(64);
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const tabs = vi.spyOn(fakeBrowser.tabs, 'create');
    await click(`${HASH} and ${other}, again ${HASH}, secret sk-mg-v1-${'c'.repeat(64)}`);
    expect(tabs).toHaveBeenCalledWith({ url: `chrome-extension://${fakeBrowser.runtime.id}/bulk.html#inbox` });
    expect(await takeBulkInbox()).toEqual({ ok: true, hashes: [HASH, other] });
    expect(openPopup).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it.each([
    ['a page extensions may not read', new Error('Cannot access a chrome:// URL'), PAGE_NOT_READABLE],
    ['a page without hashes', null, NO_HASHES_ON_PAGE],
  ])('"Find key hashes on this page" on %s says so in the popup', async (_, failure, message) => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async () => {
      if (failure) throw failure;
      return [{ frameId: 0, result: 'nothing to see here', documentId: 'd' }];
    });
    await onContextMenuClick({ menuItemId: FIND_MENU_ID, editable: false, pageUrl: 'https://logs.example/' }, {
      id: 7,
    } as Browser.tabs.Tab);
    expect((await takeUnseenLookup())?.result).toEqual({ ok: false, error: { kind: 'invalid_request', message } });
    expect(openPopup).toHaveBeenCalledOnce();
  });

  it('"Find key hashes on this page" reads the tab once and opens the bulk page with its hashes', async () => {
    const run = vi
      .spyOn(fakeBrowser.scripting, 'executeScript')
      .mockResolvedValue([
        { frameId: 0, result: `rows: ${HASH}\n${'a'.repeat(64)} sk-mg-v1-${'c'.repeat(64)}`, documentId: 'd' },
      ] as never);
    await onContextMenuClick({ menuItemId: FIND_MENU_ID, editable: false, pageUrl: 'https://logs.example/' }, {
      id: 7,
    } as Browser.tabs.Tab);
    expect(run).toHaveBeenCalledOnce();
    expect(run.mock.calls[0]?.[0]).toMatchObject({ target: { tabId: 7 }, args: [5 * 1024 * 1024] });
    expect(await takeBulkInbox()).toEqual({ ok: true, hashes: [HASH, 'a'.repeat(64)] });
    expect(openPopup).not.toHaveBeenCalled();
  });

  it('falls back to a small popup window when openPopup is refused', async () => {
    openPopup.mockRejectedValue(new Error('no active window'));
    const create = vi
      .spyOn(fakeBrowser.windows, 'create')
      .mockResolvedValue({} as unknown as Awaited<ReturnType<typeof fakeBrowser.windows.create>>);
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json(body));
    await click(HASH);
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ url: `chrome-extension://${fakeBrowser.runtime.id}/popup.html`, type: 'popup' }),
    );
  });

  it('ignores other menu items', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await onContextMenuClick({
      menuItemId: 'something-else',
      selectionText: HASH,
      editable: false,
      pageUrl: 'https://x.example/',
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(openPopup).not.toHaveBeenCalled();
  });
});
