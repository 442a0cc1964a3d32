import { browser } from 'wxt/browser';
import { cardPath } from '../../lookup/card-address';
import type { KeyHash } from '../../hash-input';

/** Where the browser asks a chosen suggestion to open (`omnibox.OnInputEnteredDisposition`). */
export type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/**
 * Opens the card page of `hash` (its address names the hash, never a key) in the current tab, or
 * in a new tab in front or behind, as the browser said. Without a hash the page says why there is
 * no card. Neither case needs the "tabs" permission.
 */
export async function openCard(hash: KeyHash | undefined, disposition: Disposition): Promise<void> {
  const url = browser.runtime.getURL(cardPath(hash));
  if (disposition === 'currentTab') {
    await browser.tabs.update({ url });
  } else {
    await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  }
}
