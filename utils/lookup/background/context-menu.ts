import { browser, type Browser } from 'wxt/browser';
import { openBulkPage } from '../../bulk/background/inbox';
import { findHashesOnPage } from '../../bulk/background/find-on-page';
import { extractHashes } from '../../extract-hashes';
import { parseHashInput } from '../../hash-input';
import { startLookup } from './lookup-service';
import { updateLastLookup } from './last-lookup';

export const LOOKUP_MENU_ID = 'lookup-selection';
export const FIND_MENU_ID = 'find-on-page';

/** Menu items persist across worker restarts, so they are created once per install/update. */
export function createContextMenu(): void {
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    title: 'Look up key hash',
    contexts: ['selection'],
  });
  browser.contextMenus.create({
    id: FIND_MENU_ID,
    title: 'Find key hashes on this page',
    contexts: ['page'],
  });
}

/**
 * Starts the lookup (or records why there is none) and opens the popup in the same tick: browsers
 * allow openPopup only while the click's user gesture lasts, and the popup must find the pending
 * record when it asks. It then waits for a result still in flight.
 */
export async function onContextMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab?: Browser.tabs.Tab,
): Promise<void> {
  if (info.menuItemId === FIND_MENU_ID) return findOnPage(tab?.id);
  if (info.menuItemId !== LOOKUP_MENU_ID) return;
  const selection = info.selectionText ?? '';
  // Several hashes: the bulk page opens with all of them (secret keys among them are left out).
  const { hashes } = extractHashes(selection);
  if (hashes.length > 1) {
    await openBulkPage(hashes);
    return;
  }
  await Promise.all([lookUpSelection(selection), openResultView()]);
}

/** "Find key hashes on this page": the bulk page opens with them, or the popup says why not. */
async function findOnPage(tabId: number | undefined): Promise<void> {
  const found = await findHashesOnPage(tabId);
  if (found.ok) return;
  await Promise.all([recordRefusal(found.message), openResultView()]);
}

function recordRefusal(message: string): Promise<void> {
  const result = { ok: false as const, error: { kind: 'invalid_request' as const, message } };
  const base = { source: 'context_menu' as const, startedAt: new Date().toISOString(), seen: false };
  return updateLastLookup(() => ({ ...base, hash: null, result }));
}

function lookUpSelection(selection: string): Promise<unknown> {
  const input = parseHashInput(selection);
  const base = { source: 'context_menu' as const, startedAt: new Date().toISOString(), seen: false };
  switch (input.kind) {
    case 'hash':
      return startLookup(input.hash, 'context_menu').settled;
    case 'choice':
      // Several hashes open the bulk page before this; the popup's own choice list stays the fallback.
      return updateLastLookup(() => ({ ...base, hash: null, choices: input.hashes, result: null }));
    case 'empty':
    case 'secret':
    case 'invalid': {
      // The selected text itself is never stored: it may be a secret key.
      return recordRefusal(input.kind === 'empty' ? 'The selection was empty.' : input.message);
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
