import { browser } from 'wxt/browser';
import { badgeForResult, type ActionBadge } from '../../lookup/background/action-badge';
import { kept } from '../../storage/background/items';
import { readKept } from '../../storage/background/memory';
import { readAlertSettings } from './watchlist';
import { watchedOfSavedAccounts } from './check';
import { displayName } from '../../key-name';
import type { MergedLookup } from '../../lookup/account-answers';
import { describeWatch } from '../words';
import type { WatchEntry } from './watchlist';
import type { AlertSettings } from '../alert-settings';
import { EXPIRY_WARNING_DAYS } from '../../card/badges';
import { isVaultLocked } from '../../lock/background/vault';

/** The toolbar's tooltip while the keys are locked. */
export const LOCKED_TITLE = 'ModelGates Key Lookup is locked: open it and enter your passphrase to look up keys';

/** A watched key that needs attention, in the words of the watched list. */
export interface Attention {
  name: string;
  words: string[];
}

export const ATTENTION_COLOR = '#8a5a00';

/** The watched keys that need attention now: over a threshold, expiring, disabled or gone. */
export function watchAttention(list: readonly WatchEntry[], now: Date, settings: AlertSettings): Attention[] {
  const rules = { thresholds: settings.thresholds, warningDays: EXPIRY_WARNING_DAYS, pace: settings.paceAlert };
  return list.flatMap((entry) => {
    const words = describeWatch(entry.state, now, rules).attention;
    return words.length === 0 ? [] : [{ name: displayName(entry.state.key?.name), words }];
  });
}

/**
 * The toolbar's one badge. Watched keys that need attention take its text ("!2": two keys), since
 * they stay true until something is done, while the last lookup's status is one the user has just
 * seen in the popup; the tooltip says both. With nothing to attend to it is the last lookup's.
 */
export function toolbarBadge(lookup: ActionBadge | null, attention: readonly Attention[]): ActionBadge | null {
  if (attention.length === 0) return lookup;
  const count = attention.length === 1 ? '1 watched key needs' : `${attention.length} watched keys need`;
  const which = attention.map((a) => `${a.name}: ${a.words.join(', ')}`).join('; ');
  const title = `${count} attention (${which})${lookup ? `. ${lookup.title}` : ''}`;
  return { text: `!${Math.min(attention.length, 999)}`, color: ATTENTION_COLOR, title };
}

/** Paints the toolbar from the last lookup (or the badge just made for it) and the watchlist; while
 * locked, the tooltip says so first, and the last lookup's badge is not shown. */
export async function paintToolbar(now: Date, lookup?: ActionBadge): Promise<void> {
  const [last, { list }, settings, locked] = await Promise.all([
    lookup ? null : readKept(kept.lastLookup),
    watchedOfSavedAccounts(),
    readAlertSettings(),
    isVaultLocked(),
  ]);
  const fromLookup = locked ? null : (lookup ?? (last?.result ? badgeForResult(last.result, now) : null));
  const painted = toolbarBadge(fromLookup, watchAttention(list, now, settings));
  const badge = locked ? { text: painted?.text ?? '', color: ATTENTION_COLOR, title: lockedTitle(painted) } : painted;
  await Promise.all([
    browser.action.setBadgeText({ text: badge?.text ?? '' }),
    browser.action.setBadgeBackgroundColor({ color: badge?.color ?? ATTENTION_COLOR }),
    browser.action.setTitle({ title: badge?.title ?? 'Look up a ModelGates key hash' }),
  ]);
}

function lockedTitle(badge: ActionBadge | null): string {
  return badge ? `${LOCKED_TITLE}. ${badge.title}` : LOCKED_TITLE;
}

/** Shows a lookup's badge, unless watched keys need attention (see `toolbarBadge`). */
export async function showActionBadge(result: MergedLookup, now: Date): Promise<void> {
  await paintToolbar(now, badgeForResult(result, now));
}
