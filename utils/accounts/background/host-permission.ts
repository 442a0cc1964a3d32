import { browser } from 'wxt/browser';
import { originPattern } from '../base-url';
import type { LookupResult } from '../../lookup/lookup-result';

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
 * Marks a request that could not reach the API and was made without a grant for its origin: it
 * went out as a cross-origin request, which the server may have refused. The browser reports
 * that refusal and a server that is down alike, so the user is told both, and what to grant.
 */
export async function explainUnreachable(result: LookupResult, baseUrl: string): Promise<LookupResult> {
  if (result.ok || result.error.kind !== 'network' || (await hasHostPermission(baseUrl))) return result;
  return { ok: false, error: { ...result.error, withoutGrant: true } };
}
