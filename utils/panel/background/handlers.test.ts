import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveManagementKeys } from '../../accounts/background/management-key';
import type { KeyHash } from '../../hash-input';
import { removeAccount } from '../../settings/background/settings-service';
import { FIRST_ACCOUNT } from '../../settings/settings';
import { kept } from '../../storage/background/items';
import { change, changeKept } from '../../storage/background/memory';
import { LOOKUP_MENU_IDS } from '../settings';
import { panelHandlers } from './handlers';
import { readStack } from './stack-store';

const A = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943' as KeyHash;
const B = 'b'.repeat(64) as KeyHash;
const MISSING = 'c'.repeat(64) as KeyHash;
const names = async () => (await readStack()).map((card) => card.found[0].key.name);

describe('the side panel’s messages', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: 'sk-mg-mgmt-test-0123456789abcdef' });
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
      const hash = String(url).split('/').pop();
      if (hash === MISSING) return Response.json({ error: { message: 'Not found' } }, { status: 404 });
      const name = hash === A ? 'Billing bot' : 'Other bot';
      return Response.json({ data: { hash, name, limit: 100, limit_remaining: 57.25, usage: 42.75 } });
    });
  });

  it('looks a hash up like the popup and keeps the key found on top of the stack; a repeat moves up', async () => {
    const first = await panelHandlers.panelLookup.answer({ hash: A });
    expect(first).toMatchObject({ ok: true, found: [{ key: { name: 'Billing bot' } }] });
    await panelHandlers.panelLookup.answer({ hash: B });
    await vi.waitFor(async () => expect(await names()).toEqual(['Other bot', 'Billing bot']));
    await panelHandlers.panelLookup.answer({ hash: A, allowCached: true });
    await vi.waitFor(async () => expect(await names()).toEqual(['Billing bot', 'Other bot']));
  });

  it('keeps a hash no account holds off the stack (the panel says so under its field)', async () => {
    expect(await panelHandlers.panelLookup.answer({ hash: MISSING })).toMatchObject({ ok: false });
    await panelHandlers.panelLookup.answer({ hash: A });
    await vi.waitFor(async () => expect(await names()).toEqual(['Billing bot']));
  });

  it('collapses a card and clears the stack, and says what the stack is then', async () => {
    await panelHandlers.panelLookup.answer({ hash: A });
    await vi.waitFor(async () => expect(await names()).toEqual(['Billing bot']));
    const collapsed = await panelHandlers.collapseStackCard.answer({ hash: A, collapsed: true });
    expect(collapsed.cards.map((card) => card.collapsed)).toEqual([true]);
    expect((await readStack())[0]?.collapsed).toBe(true);
    expect(await panelHandlers.clearStack.answer()).toEqual({ ok: true, cards: [] });
    expect(await readStack()).toEqual([]);
  });

  it('keeps the stack in session storage only: no spend figures on disk', async () => {
    await panelHandlers.panelLookup.answer({ hash: A });
    await vi.waitFor(async () => expect(await names()).toEqual(['Billing bot']));
    expect(JSON.stringify(await fakeBrowser.storage.session.get('panelStack'))).toContain('57.25');
    const disk = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(disk).not.toContain('panelStack');
    expect(disk).not.toMatch(/57\.25|42\.75/);
  });

  it('saves where right-click lookups show, and makes "Look up key hash" again with the id that says it', async () => {
    const remove = vi.fn(async () => {});
    const create = vi.fn();
    fakeBrowser.contextMenus.remove = remove as never;
    fakeBrowser.contextMenus.create = create as never;
    expect(await panelHandlers.getPanelSettings.answer()).toEqual({
      ok: true,
      settings: { rightClickIn: 'popup' },
    });
    expect(await panelHandlers.savePanelSettings.answer({ rightClickIn: 'panel' })).toEqual({
      ok: true,
      settings: { rightClickIn: 'panel' },
    });
    expect(remove.mock.calls.map((call: unknown[]) => call[0]).sort()).toEqual(
      [LOOKUP_MENU_IDS.popup, LOOKUP_MENU_IDS.panel].sort(),
    );
    expect(create).toHaveBeenCalledWith({
      id: LOOKUP_MENU_IDS.panel,
      title: 'Look up key hash',
      contexts: ['selection'],
    });
    expect((await panelHandlers.getPanelSettings.answer()).settings.rightClickIn).toBe('panel');
  });

  it('forgets the cards of an account that is removed', async () => {
    const staging = { id: 'stage', name: 'Staging', baseUrl: 'https://staging.example/api/v1' };
    await changeKept(change(kept.settings, (settings) => ({ ...settings, accounts: [...settings.accounts, staging] })));
    await saveManagementKeys({ stage: 'sk-mg-mgmt-test-stage-0123456789' });
    await panelHandlers.panelLookup.answer({ hash: A });
    await vi.waitFor(async () => expect((await readStack())[0]?.found).toHaveLength(2));
    await removeAccount('stage');
    expect((await readStack())[0]?.found.map((found) => found.account?.id)).toEqual([FIRST_ACCOUNT.id]);
  });
});
