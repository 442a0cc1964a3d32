import { browser } from 'wxt/browser';
import { deriveBadges } from '../badges';
import { describeLookupError } from '../error-message';
import { displayName } from '../key-name';
import type { LookupResult } from '../lookup-result';

export interface ActionBadge {
  /** At most 4 characters: all the toolbar has room for. */
  text: string;
  color: string;
  /** The toolbar button's tooltip, which says in words what the short text means. */
  title: string;
}

/** The toolbar's short status of the last lookup. */
export function badgeForResult(result: LookupResult, now: Date): ActionBadge {
  if (!result.ok) {
    const code: Record<string, string> = { unauthorized: '401', not_found: '404', rate_limited: '429' };
    const text = code[result.error.kind] ?? 'ERR';
    // The same words the popup shows for this failure.
    return { text, color: '#b3261e', title: `Last lookup: ${describeLookupError(result.error, now).title}` };
  }
  const badges = deriveBadges(result.key, now);
  const has = (id: string) => badges.some((b) => b.id === id);
  const name = displayName(result.key.name);
  const summary = badges.map((b) => b.text).join(', ');
  const title = `Last lookup: ${name} (${summary})`;
  if (has('disabled')) return { text: 'OFF', color: '#5f6368', title };
  if (has('expired')) return { text: 'EXP', color: '#b3261e', title };
  if (has('limit_reached')) return { text: 'LIM', color: '#b3261e', title };
  if (has('expires_soon')) return { text: 'SOON', color: '#8a5a00', title };
  return { text: 'OK', color: '#1e7d32', title };
}

export async function showActionBadge(result: LookupResult, now: Date): Promise<void> {
  const badge = badgeForResult(result, now);
  await Promise.all([
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.color }),
    browser.action.setTitle({ title: badge.title }),
  ]);
}
