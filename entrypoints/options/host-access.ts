import { browser } from 'wxt/browser';
import { originPattern } from '../../utils/base-url';

/** Asks for the base URL's origin; must run from a click (the browser shows its own prompt). */
export async function requestHostAccess(baseUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [originPattern(baseUrl)] });
  } catch {
    return false;
  }
}
