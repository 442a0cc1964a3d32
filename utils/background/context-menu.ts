import { browser, type Browser } from 'wxt/browser';
import { parseHashInput } from '../hash-input';
import { startLookup } from './lookup-service';
import { lastLookupItem } from './store/items';

export const LOOKUP_MENU_ID = 'lookup-selection';

/** Menu items persist across worker restarts, so they are created once per install/update. */
export function createContextMenu(): void {
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    title: 'Look up key hash',
    contexts: ['selection'],
  });
}

/**
 * Starts the lookup (or records why there is none) and opens the popup in the same tick: browsers
 * allow openPopup only while the click's user gesture lasts, and the popup must find the pending
 * record when it asks. It then waits for a result still in flight.
 */
export async function onContextMenuClick(info: Browser.contextMenus.OnClickData): Promise<void> {
  if (info.menuItemId !== LOOKUP_MENU_ID) return;
  const work = lookUpSelection(info.selectionText ?? '');
  await Promise.all([work, openResultView()]);
}

function lookUpSelection(selection: string): Promise<unknown> {
  const input = parseHashInput(selection);
  const base = { source: 'context_menu' as const, startedAt: new Date().toISOString(), seen: false };
  switch (input.kind) {
    case 'hash':
      return startLookup(input.hash, 'context_menu').settled;
    case 'choice':
      return lastLookupItem.setValue({ ...base, hash: null, choices: input.hashes, result: null });
    case 'empty':
    case 'secret':
    case 'invalid': {
      // The selected text itself is never stored: it may be a secret key.
      const message = input.kind === 'empty' ? 'The selection was empty.' : input.message;
      const result = { ok: false as const, error: { kind: 'invalid_request' as const, message } };
      return lastLookupItem.setValue({ ...base, hash: null, result });
    }
  }
}

export async function openResultView(): Promise<void> {
  try {
    await browser.action.openPopup();
  } catch {
    // openPopup can fail (no focused normal window, older Firefox): show the same popup page in a
    // small window instead.
    await browser.windows.create({
      url: browser.runtime.getURL('/popup.html'),
      type: 'popup',
      width: 400,
      height: 640,
    });
  }
}
