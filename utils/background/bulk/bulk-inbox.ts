import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { KeyHash } from '../../hash-input';

/**
 * Hashes on their way to the bulk page: from the popup's "Look up all N", a selection's "Look up N
 * key hashes" or "Find key hashes on this page". Only the hashes are kept, never the text they
 * were found in (it may hold a secret key), and only until the page has taken them.
 */
const bulkInboxItem = storage.defineItem<KeyHash[]>('session:bulkInbox', { fallback: [], version: 1 });

/** The page's address when it has hashes waiting for it. */
export const BULK_INBOX_PATH = '/bulk.html#inbox';

/** Keeps the hashes for the page, then opens it in a new tab beside the current one. */
export async function openBulkPage(hashes: readonly KeyHash[]): Promise<{ ok: true }> {
  await bulkInboxItem.setValue([...hashes]);
  await browser.tabs.create({ url: browser.runtime.getURL(BULK_INBOX_PATH) });
  return { ok: true };
}

/** The waiting hashes, once: a reload of the page shows its own last run instead. */
export async function takeBulkInbox(): Promise<{ ok: true; hashes: KeyHash[] }> {
  const hashes = await bulkInboxItem.getValue();
  await bulkInboxItem.removeValue();
  return { ok: true, hashes };
}
