import { browser } from 'wxt/browser';
import { OPEN_PANEL_COMMAND } from '../settings';

/**
 * Opens the side panel in this window: Chromium's `sidePanel.open`, Firefox's `sidebarAction.open`
 * (which opens it in the focused window, where the click was). Both allow it only while a user's
 * gesture lasts: call this synchronously in the click's, command's or menu's handler, before any
 * await. Rejects when the browser refused or has no side panel.
 */
export function openPanelIn(windowId: number): Promise<void> {
  // Feature detection: each browser has one of the two (WXT's types assume both exist).
  const sidePanel = browser.sidePanel as typeof browser.sidePanel | undefined;
  if (sidePanel?.open) return sidePanel.open({ windowId });
  const sidebar = browser.sidebarAction as typeof browser.sidebarAction | undefined;
  if (sidebar?.open) return sidebar.open();
  return Promise.reject(new Error('This browser has no side panel.'));
}

/** The user's own shortcut for the panel in Chromium (options → Keyboard shortcuts; none is
 * suggested). Firefox opens its sidebar on `_execute_sidebar_action` by itself. */
export function listenToPanelShortcut(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== OPEN_PANEL_COMMAND || tab?.windowId === undefined) return;
    // In the command's own handler, with no await before it: the gesture is still there.
    void openPanelIn(tab.windowId).catch(() => {
      // Refused (the window closed meanwhile): the shortcut does nothing, as a key press on a
      // closed window would.
    });
  });
}
