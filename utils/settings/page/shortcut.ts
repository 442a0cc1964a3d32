import { browser } from 'wxt/browser';

/** The keyboard shortcut that opens the popup, as the browser reports it; null when none is set. */
export async function popupShortcut(): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    const open = commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action');
    return open?.shortcut ? open.shortcut : null;
  } catch {
    return null;
  }
}

/** Opens the browser's own page for changing extension shortcuts. */
export async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  // Firefox has a call for it; Chrome's page is opened as a tab (extensions may open it, pages may not link to it).
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
