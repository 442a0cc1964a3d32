import { deriveBadges, type BadgeTone } from '../card/badges';
import { projectPace } from '../card/pace';
import { paceWords, type PaceWords } from '../card/pace-words';
import { displayName } from '../key-name';
import type { AlertRules, WatchState } from './alerts';
import { describeWatch, lockedCheckText } from './words';

/** A watched key in the words the popup's list shows; made by the worker, so the popup's bundle
 * carries no alert rules. */
export interface WatchedView {
  hash: string;
  accountId: string;
  /** The account's name, when there are several. */
  account?: string;
  name: string;
  /** Active, Disabled or Status unknown; null once the key is gone or before the first check. */
  status: { text: string; tone: BadgeTone } | null;
  /** "42% of limit used · Expires in 2 days"; empty before the first check. */
  facts: string;
  /** What needs attention, most serious first, in words: "90% of limit used", "Disabled". */
  attention: string[];
  /** "Checked 5 minutes ago", or when the last good check was and that a later one failed. */
  checked: string;
  /** Where its spend is heading, as of the last good check; null when nothing is projected. */
  pace: PaceWords | null;
  /** Its spend over the last 14 days, for a sparkline (oldest first); empty without history. */
  spark: number[];
}

export interface WatchedKeyState {
  hash: string;
  accountId: string;
  state: WatchState;
}

/** The projection of the last good check, when there is a figure to say (not "too early"). */
function watchedPace(state: WatchState, now: Date): PaceWords | null {
  if (state.key === null || state.gone || state.checkedAt === null) return null;
  const pace = projectPace(state.key, new Date(state.checkedAt));
  return pace?.kind === 'projected' ? paceWords(pace, now) : null;
}

export function watchedView(
  entry: WatchedKeyState,
  now: Date,
  rules: AlertRules,
  {
    account,
    spark = [],
    skippedLocked = false,
  }: {
    /** The account's name, when there are several. */
    account?: string;
    /** The spend history's points for the sparkline, oldest first. */
    spark?: number[];
    /** A check was due while the keys were locked, and none has run since. */
    skippedLocked?: boolean;
  } = {},
): WatchedView {
  const { hash, accountId, state } = entry;
  const words = describeWatch(state, now, rules);
  const badges = state.key && !state.gone ? deriveBadges(state.key, now, rules.warningDays) : [];
  const status = badges.find((b) => b.id === 'active' || b.id === 'disabled' || b.id === 'status_unknown');
  const expiry = badges.find((b) =>
    ['expired', 'expires_soon', 'expires', 'no_expiry', 'expiry_unknown'].includes(b.id),
  );
  const spend = words.spend ?? (state.key && !state.gone ? 'No limit' : null);
  return {
    hash,
    accountId,
    ...(account === undefined ? {} : { account }),
    name: displayName(state.key?.name),
    status: status ? { text: status.text, tone: status.tone } : null,
    facts: [spend, expiry?.text].filter((part) => part != null).join(' · '),
    attention: words.attention,
    checked: skippedLocked ? lockedCheckText(state.checkedAt) : words.checked,
    pace: watchedPace(state, now),
    spark,
  };
}
