import { isKeyHash, type KeyHash } from '../hash-input';

/**
 * `{baseUrl}/keys/{hash}` for a base that passed checkBaseUrl (a trailing slash is tolerated).
 * Built with URL rather than string joining, and any query, fragment or credentials on the
 * base are dropped, so the result stays on the base's origin and under its path. Throws a
 * TypeError for a base that is not a URL or a hash that is not a KeyHash: both are bugs in
 * the caller, never user input.
 */
export function buildKeyUrl(baseUrl: string, hash: KeyHash): string {
  // The brand is a compile-time promise; a cast or a message from elsewhere could break it.
  if (!isKeyHash(hash)) throw new TypeError('buildKeyUrl needs a lower-case 64-hex key hash');
  const url = new URL(baseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/keys/${hash}`;
  url.search = '';
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.href;
}
