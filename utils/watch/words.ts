import { deriveBadges } from '../card/badges';
import { projectPace } from '../card/pace';
import { formatRelative, formatUtc } from '../format';
import {
  DEFAULT_ALERT_RULES,
  normalizeThresholds,
  percentText,
  percentUsed,
  type AlertRules,
  type WatchAlert,
  type WatchState,
} from './alerts';

/**
 * What the popup's watched list and a desktop notification say about a watched key. Attention is
 * said in words ("90% of limit used", "Expires in 2 days"), so colour is never the only sign.
 */

export interface WatchWords {
  /** What needs attention, most serious first; empty when all is well. */
  attention: string[];
  /** The spend column: "42% of limit used"; null without a known limit. */
  spend: string | null;
  /** When it was last checked, and whether a later check failed. */
  checked: string;
}

export function describeWatch(state: WatchState, now: Date, rules: AlertRules = DEFAULT_ALERT_RULES): WatchWords {
  const checked = checkedText(state, now);
  const { key } = state;
  if (state.gone) return { attention: ['No longer exists'], spend: null, checked };
  if (key === null) return { attention: [], spend: null, checked };

  const attention: string[] = [];
  for (const badge of deriveBadges(key, now, rules.warningDays)) {
    if (badge.id === 'disabled' || badge.id === 'expired' || badge.id === 'expires_soon') attention.push(badge.text);
  }
  const percent = percentUsed(key);
  const spend = percent === null ? null : percentText(percent);
  const [lowest] = normalizeThresholds(rules.thresholds);
  if (spend !== null && percent !== null && lowest !== undefined && percent >= lowest) attention.push(spend);
  if (rules.pace !== false && onPaceToRunOut(state, now)) attention.push(PACE_ATTENTION);
  return { attention, spend, checked };
}

export const PACE_ATTENTION = 'On pace to reach its limit before the reset';

/** The last good check projected a run-out before a reset that is still to come. */
function onPaceToRunOut(state: WatchState, now: Date): boolean {
  if (state.key === null || state.checkedAt === null) return false;
  const pace = projectPace(state.key, new Date(state.checkedAt));
  return pace?.kind === 'projected' && pace.runsOutAt !== null && pace.resetAt.getTime() > now.getTime();
}

/** "Checked 5 minutes ago", or "Last checked 3 hours ago; the check 2 minutes ago failed". */
function checkedText(state: WatchState, now: Date): string {
  const last = state.checkedAt === null ? null : formatRelative(new Date(state.checkedAt), now);
  if (state.failedAt === null) return last === null ? 'Not checked yet' : `Checked ${last}`;
  const failed = `the check ${formatRelative(new Date(state.failedAt), now)} failed`;
  return last === null ? `Not checked yet; ${failed}` : `Last checked ${last}; ${failed}`;
}

/** A check was skipped because the keys were locked: since when the key has not been checked. */
export function lockedCheckText(checkedAt: string | null): string {
  return checkedAt === null
    ? 'Not checked yet (locked)'
    : `Not checked since ${formatUtc(new Date(checkedAt))} (locked)`;
}

/** One line naming the key and, with several accounts, its account: "Backend (Production): Disabled". */
export function notificationText(alert: WatchAlert, name: string | null | undefined, account: string | null): string {
  // A name is text anyone who can create keys chooses: line breaks in it must not break the line.
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const key = name != null && oneLine(name) !== '' ? oneLine(name) : 'Unnamed key';
  return `${account === null ? key : `${key} (${oneLine(account)})`}: ${alert.text}`;
}
