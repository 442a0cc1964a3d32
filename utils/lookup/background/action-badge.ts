import { deriveBadges } from '../../card/badges';
import { describeLookupError } from '../error-message';
import type { MergedLookup } from '../account-answers';
import { displayName } from '../../key-name';

export interface ActionBadge {
  /** At most 4 characters: all the toolbar has room for. */
  text: string;
  color: string;
  /** The toolbar button's tooltip, which says in words what the short text means. */
  title: string;
}

/** The toolbar's short status of the last lookup: of the first key found, named with its account
 * when there are several; or of why none was found. */
export function badgeForResult(result: MergedLookup, now: Date): ActionBadge {
  if (!result.ok) {
    const code: Record<string, string> = { unauthorized: '401', not_found: '404', rate_limited: '429' };
    const { error } = result;
    const nowhere = error.kind === 'not_in_accounts' && error.failed.length === 0;
    const text = nowhere ? '404' : (code[error.kind] ?? 'ERR');
    // The same words the popup shows for this failure.
    return { text, color: '#b3261e', title: `Last lookup: ${describeLookupError(result.error, now).title}` };
  }
  const [{ key, account }] = result.found;
  const badges = deriveBadges(key, now);
  const has = (id: string) => badges.some((b) => b.id === id);
  const name = displayName(key.name);
  const summary = badges.map((b) => b.text).join(', ');
  const title = `Last lookup: ${name}${account ? ` in ${account.name}` : ''} (${summary})`;
  if (has('disabled')) return { text: 'OFF', color: '#5f6368', title };
  if (has('expired')) return { text: 'EXP', color: '#b3261e', title };
  if (has('limit_reached')) return { text: 'LIM', color: '#b3261e', title };
  if (has('expires_soon')) return { text: 'SOON', color: '#8a5a00', title };
  return { text: 'OK', color: '#1e7d32', title };
}
