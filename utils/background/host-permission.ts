import { browser } from 'wxt/browser';
import { originPattern } from '../base-url';
import type { LookupResult } from '../lookup-result';

/**
 * Whether the browser really grants the extension the base URL's origin. Asked every time, for
 * the default origin too: Firefox lets a user revoke even a required host permission (in
 * about:addons), and then says nothing to the extension.
 */
export async function hasHostPermission(baseUrl: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(baseUrl)] });
  } catch {
    return false;
  }
}

/**
 * A request that could not reach the API, made without a grant for its origin, went out as a
 * cross-origin request, which the server refused: that, not the network, is what the user can fix.
 */
export async function explainUnreachable(result: LookupResult, baseUrl: string): Promise<LookupResult> {
  if (result.ok || result.error.kind !== 'network' || (await hasHostPermission(baseUrl))) return result;
  return { ok: false, error: { kind: 'no_access', origin: result.error.origin } };
}
