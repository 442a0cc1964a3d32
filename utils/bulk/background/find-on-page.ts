import type { FindOnPageReply } from '../contract';
import { browser } from 'wxt/browser';
import { extractHashes } from '../../extract-hashes';
import { openBulkPage } from './inbox';

/** At most this much of a page's text is read. */
export const MAX_PAGE_TEXT = 5 * 1024 * 1024;

export const NO_HASHES_ON_PAGE = 'No key hashes on this page.';
export const PAGE_NOT_READABLE =
  'Extensions may not read this page (browser pages and extension stores are protected). Copy its text into “Look up many keys” instead.';

/**
 * Injected into the tab on the user's click (activeTab): it only returns the page's visible text,
 * cut at the limit, and leaves nothing of ours behind. It is serialized on its own, so it may use
 * nothing from outside its body.
 */
function visibleText(limit: number): string {
  // eslint-disable-next-line no-restricted-globals -- this body runs in the tab, not in the worker
  return (document.body?.innerText ?? '').slice(0, limit);
}

/**
 * "Find key hashes on this page": reads the tab's visible text once, finds the hashes in it and
 * opens the bulk page with them. The text itself is not kept anywhere.
 */
export async function findHashesOnPage(tabId: number | undefined): Promise<FindOnPageReply> {
  if (tabId === undefined) return { ok: false, message: PAGE_NOT_READABLE };
  let text: unknown;
  try {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: visibleText,
      args: [MAX_PAGE_TEXT],
    });
    text = injection?.result;
  } catch {
    return { ok: false, message: PAGE_NOT_READABLE };
  }
  const { hashes } = extractHashes(typeof text === 'string' ? text.slice(0, MAX_PAGE_TEXT) : '');
  if (hashes.length === 0) return { ok: false, message: NO_HASHES_ON_PAGE };
  await openBulkPage(hashes);
  return { ok: true, found: hashes.length };
}

/** The popup's button: the active tab of the window the popup was opened over. */
export async function findHashesOnActiveTab(): Promise<FindOnPageReply> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return findHashesOnPage(tab?.id);
}
