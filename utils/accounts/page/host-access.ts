import { browser } from 'wxt/browser';
import { originPattern } from '../base-url';

/**
 * Whether lookups to this base URL go out with a host grant. Asked for the default origin too:
 * Firefox lets a user revoke even a required host permission (in about:addons).
 */
export async function hasHostAccess(baseUrl: string): Promise<boolean> {
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
