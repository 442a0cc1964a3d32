import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LOOKUP_MENU_ID, createContextMenu, onContextMenuClick } from './context-menu';
import { takeUnseenLookup } from './lookup-service';
import { saveManagementKeys } from './store/management-key';
import { lastLookupItem } from './store/items';
import { FIRST_ACCOUNT } from '../settings';

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
  });

  it('looks up the selected hash, opens the popup and leaves the result for it', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(Response.json(body));
    await click(`error for key "${HASH.toUpperCase()}" in billing`);
    expect(openPopup).toHaveBeenCalledOnce();
    expect(String(fetchSpy.mock.calls[0]?.[0])).toBe(`https://modelgates.ai/api/v1/keys/${HASH}`);
    const shown = await takeUnseenLookup();
    expect(shown).toMatchObject({
      hash: HASH,
      source: 'context_menu',
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

  it('asks which hash when the selection holds several', async () => {
    const other = 'a'.repeat(64);
    await click(`${HASH} and ${other}`);
    expect(await takeUnseenLookup()).toMatchObject({ hash: null, choices: [HASH, other] });
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
