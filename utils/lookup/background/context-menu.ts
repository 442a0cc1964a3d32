import { browser, type Browser } from 'wxt/browser';
import { openBulkPage } from '../../bulk/background/inbox';
import { findHashesOnPage } from '../../bulk/background/find-on-page';
import { extractHashes } from '../../extract-hashes';
import { parseHashInput } from '../../hash-input';
import { type PanelRoute, routeToPanel } from '../../panel/background/route';
import { LOOKUP_MENU_IDS, type RightClickIn, rightClickInOf } from '../../panel/settings';
import { startLookup } from './lookup-service';
import { updateLastLookup } from './last-lookup';

/** "Look up key hash" while right-click lookups show in the popup (the default). */
export const LOOKUP_MENU_ID = LOOKUP_MENU_IDS.popup;
export const FIND_MENU_ID = 'find-on-page';

/**
 * Menu items persist across worker restarts, so they are created once per install/update.
 * "Look up key hash" gets the id that says where its lookups show (utils/panel/settings.ts).
 */
export function createContextMenu(rightClickIn: RightClickIn = 'popup'): void {
  browser.contextMenus.create(lookupItem(rightClickIn));
  browser.contextMenus.create({
    id: FIND_MENU_ID,
    title: 'Find key hashes on this page',
    contexts: ['page'],
  });
}

function lookupItem(rightClickIn: RightClickIn): Browser.contextMenus.CreateProperties {
  return { id: LOOKUP_MENU_IDS[rightClickIn], title: 'Look up key hash', contexts: ['selection'] };
}

/** The option "Show right-click lookups in" changed: "Look up key hash" is made again with its new id. */
export async function setLookupMenu(rightClickIn: RightClickIn): Promise<void> {
  await Promise.all(
    Object.values(LOOKUP_MENU_IDS).map((id) =>
      browser.contextMenus.remove(id).catch(() => {
        // Not there (this was not its way): nothing to remove.
      }),
    ),
  );
  browser.contextMenus.create(lookupItem(rightClickIn));
}

/**
 * Starts the lookup (or records why there is none) and opens the popup in the same tick: browsers
 * allow openPopup only while the click's user gesture lasts, and the popup must find the pending
 * record when it asks. It then waits for a result still in flight. When a side panel is open in
 * the click's window, or the option says so (then the panel is opened, in the same tick too), the
 * card shows in the panel instead (utils/panel/background/route.ts).
 */
export async function onContextMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab?: Browser.tabs.Tab,
): Promise<void> {
  if (info.menuItemId === FIND_MENU_ID) return findOnPage(tab?.id);
  const rightClickIn = rightClickInOf(info.menuItemId);
  if (rightClickIn === null) return;
  const selection = info.selectionText ?? '';
  // Several hashes: the bulk page opens with all of them (secret keys among them are left out).
  const { hashes } = extractHashes(selection);
  if (hashes.length > 1) {
    await openBulkPage(hashes);
    return;
  }
  // Before any await: opening the side panel, like the popup, needs the click's user gesture.
  const panel = routeToPanel(tab?.windowId, rightClickIn === 'panel');
  const shown = panel ? panel.opened.catch(() => openResultView()) : openResultView();
  await Promise.all([lookUpSelection(selection, panel), shown]);
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

/** The lookup, in the popup's record (a panel it is routed to takes it from there too). */
function lookUpSelection(selection: string, panel: PanelRoute | null): Promise<unknown> {
  const input = parseHashInput(selection);
  const base = { source: 'context_menu' as const, startedAt: new Date().toISOString(), seen: false };
  const thenTell = (recorded: Promise<void>) => recorded.then(() => panel?.tell());
  switch (input.kind) {
    case 'hash': {
      const lookup = startLookup(input.hash, 'context_menu');
      panel?.follow(lookup);
      return lookup.settled;
    }
    case 'choice':
      // Several hashes open the bulk page before this; the popup's own choice list stays the fallback.
      return thenTell(updateLastLookup(() => ({ ...base, hash: null, choices: input.hashes, result: null })));
    case 'empty':
    case 'secret':
    case 'invalid': {
      // The selected text itself is never stored: it may be a secret key.
      return thenTell(recordRefusal(input.kind === 'empty' ? 'The selection was empty.' : input.message));
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
