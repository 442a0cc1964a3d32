import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openShortcutSettings, panelShortcut, popupShortcut } from './shortcut';

type Commands = {
  getAll: () => Promise<Array<{ name?: string; shortcut?: string }>>;
  openShortcutSettings?: () => Promise<void>;
};
const commands = fakeBrowser.commands as unknown as Commands;

describe('keyboard shortcut', () => {
  it.each([
    ['Chrome’s action command', [{ name: '_execute_action', shortcut: 'Alt+Shift+K' }], 'Alt+Shift+K'],
    ['a command without a key', [{ name: '_execute_action', shortcut: '' }], null],
    ['no such command', [{ name: 'other', shortcut: 'Alt+X' }], null],
  ])('reports %s', async (_, all, expected) => {
    commands.getAll = vi.fn(async () => all);
    expect(await popupShortcut()).toBe(expected);
  });

  it.each([
    ['Firefox’s sidebar command', [{ name: '_execute_sidebar_action', shortcut: 'Ctrl+Shift+Y' }], 'Ctrl+Shift+Y'],
    ['Chromium’s side panel command', [{ name: 'open-side-panel', shortcut: 'Alt+Shift+P' }], 'Alt+Shift+P'],
    ['the panel command without a key (none is suggested)', [{ name: 'open-side-panel', shortcut: '' }], null],
    ['only the popup’s', [{ name: '_execute_action', shortcut: 'Alt+Shift+K' }], null],
  ])('reports the side panel’s shortcut: %s', async (_, all, expected) => {
    commands.getAll = vi.fn(async () => all);
    expect(await panelShortcut()).toBe(expected);
  });

  it('says none when the browser cannot tell', async () => {
    commands.getAll = vi.fn(async () => {
      throw new Error('not supported');
    });
    expect(await popupShortcut()).toBeNull();
  });

  it('opens the browser’s own shortcut page: Firefox’s call where it exists, else Chrome’s page', async () => {
    const create = vi
      .spyOn(fakeBrowser.tabs, 'create')
      .mockResolvedValue({} as unknown as Awaited<ReturnType<typeof fakeBrowser.tabs.create>>);
    commands.openShortcutSettings = vi.fn(async () => {});
    await openShortcutSettings();
    expect(commands.openShortcutSettings).toHaveBeenCalledOnce();
    expect(create).not.toHaveBeenCalled();
    delete commands.openShortcutSettings;
    await openShortcutSettings();
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });
});
