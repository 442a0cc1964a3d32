import { browser } from 'wxt/browser';
import type { KeyHash } from '../../hash-input';
import { bulkInboxItem } from '../../storage/background/items';

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
