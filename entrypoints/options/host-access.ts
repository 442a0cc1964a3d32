import { browser } from 'wxt/browser';
import { isDefaultOrigin, originPattern } from '../../utils/base-url';

/** Whether lookups to this base URL go out with a host grant (the default origin always does). */
export async function hasHostAccess(baseUrl: string): Promise<boolean> {
  if (isDefaultOrigin(baseUrl)) return true;
  try {
    return await browser.permissions.contains({ origins: [originPattern(baseUrl)] });
  } catch {
    return false;
  }
}

/** Asks for the base URL's origin; must run from a click (the browser shows its own prompt). */
export async function requestHostAccess(baseUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [originPattern(baseUrl)] });
  } catch {
    return false;
  }
}
