import { browser } from 'wxt/browser';
import { OPEN_PANEL_COMMAND } from '../../panel/settings';

/** The keyboard shortcut of the first of these commands the browser knows; null when none is set. */
async function shortcutOf(names: readonly string[]): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    const command = commands.find((c) => c.name !== undefined && names.includes(c.name));
    return command?.shortcut ? command.shortcut : null;
  } catch {
    // The browser cannot tell: the page says no shortcut is set, and offers to set one.
    return null;
  }
}

/** The keyboard shortcut that opens the popup, as the browser reports it; null when none is set. */
export function popupShortcut(): Promise<string | null> {
  return shortcutOf(['_execute_action', '_execute_browser_action']);
}

/** The one that opens the side panel: Firefox's own sidebar command, or Chromium's (ours). */
export function panelShortcut(): Promise<string | null> {
  return shortcutOf(['_execute_sidebar_action', OPEN_PANEL_COMMAND]);
}

/** Opens the browser's own page for changing extension shortcuts. */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  // Firefox has a call for it; Chrome's page is opened as a tab (extensions may open it, pages may not link to it).
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
