import type { ApiKey } from '../api-key';
import { deriveBadges, EXPIRY_WARNING_DAYS } from '../card/badges';
import { nextLimitReset } from '../card/limit-reset';
import { type PaceKey, projectPace } from '../card/pace';
import { formatDurationRounded } from '../format';

/**
 * The watchlist's alert rules: from a watched key's stored state and a new check, the next state
 * and the alerts to raise. Each condition alerts once; what was raised is part of the state, so a
 * restarted worker does not raise it again. A spend threshold alerts once per limit-reset period,
 * so a daily limit can alert again tomorrow. A failed check changes nothing but when it was tried.
 */

/** What the watchlist keeps from the last good check: what the list shows and the rules read,
 * this period's spend among it (the projection's figures). */
export type WatchedKey = Pick<ApiKey, 'hash' | 'name' | 'disabled' | 'expires_at'> & PaceKey;

/** An alert already raised. */
export type RaisedAlert =
  /** `period`: the end of the limit-reset period it was raised in (ISO), or "once" without resets. */
  | { kind: 'spend'; threshold: number; period: string }
  /** Raised for this expiry date; a new date can raise it again. */
  | { kind: 'expiry'; expiresAt: string }
  | { kind: 'disabled' }
  | { kind: 'gone' }
  /** On pace to reach the limit before the reset: `period` as for spend, so once per period. */
  | { kind: 'pace'; period: string };

type SpendAlert = Extract<RaisedAlert, { kind: 'spend' }>;

export interface WatchState {
  /** The last good check's key; null before the first. */
  key: WatchedKey | null;
  /** ISO time of the last check that got an answer (the key, or 404). */
  checkedAt: string | null;
  /** ISO time of a failed check after that one; null when the latest check got an answer. */
  failedAt: string | null;
  /** The API answered 404: the key no longer exists. */
  gone: boolean;
  raised: RaisedAlert[];
}

export const UNCHECKED: WatchState = { key: null, checkedAt: null, failedAt: null, gone: false, raised: [] };

export type CheckResult = { kind: 'found'; key: ApiKey } | { kind: 'not_found' } | { kind: 'failed' };

export interface AlertRules {
  /** Percentages of the limit, 1–100. */
  thresholds: readonly number[];
  /** An expiry closer than this many days alerts (the options' existing setting). */
  warningDays: number;
  /** Alert when the key is on pace to reach its limit before the reset (on unless turned off). */
  pace?: boolean;
}

export const DEFAULT_THRESHOLDS = [80, 100] as const;
export const DEFAULT_ALERT_RULES: AlertRules = { thresholds: DEFAULT_THRESHOLDS, warningDays: EXPIRY_WARNING_DAYS };

/** An alert to raise now, with the words the watched list uses for it. */
export type WatchAlert = { text: string } & (
  | { kind: 'spend'; threshold: number; percent: number }
  | { kind: 'expiry'; expiresAt: string }
  | { kind: 'disabled' }
  | { kind: 'gone' }
  | { kind: 'pace'; period: string }
);

/** Whole percentages from 1 to 100, each once, in order. */
export function normalizeThresholds(values: readonly number[]): number[] {
  const valid = values.filter((v) => Number.isInteger(v) && v >= 1 && v <= 100);
  return [...new Set(valid)].sort((a, b) => a - b);
}

/**
 * The share of the limit spent, in percent; null without a numeric limit and remainder. Rounded
 * down in words, so "90% of limit used" is never said before 90% is reached.
 */
export function percentUsed(key: Pick<ApiKey, 'limit' | 'limit_remaining'>): number | null {
  const { limit, limit_remaining: remaining } = key;
  if (typeof limit !== 'number' || typeof remaining !== 'number') return null;
  if (limit <= 0) return remaining <= 0 ? 100 : 0;
  return ((limit - remaining) / limit) * 100;
}

export const percentText = (percent: number) => `${Math.floor(percent)}% of limit used`;

/** The state after a check, and the alerts it raises. */
export function applyCheck(
  state: WatchState,
  check: CheckResult,
  now: Date,
  rules: AlertRules = DEFAULT_ALERT_RULES,
): { state: WatchState; alerts: WatchAlert[] } {
  const at = now.toISOString();
  if (check.kind === 'failed') return { state: { ...state, failedAt: at }, alerts: [] };
  const answered = { checkedAt: at, failedAt: null };
  if (check.kind === 'not_found') {
    if (state.raised.some((alert) => alert.kind === 'gone')) return { state: { ...state, ...answered }, alerts: [] };
    return {
      state: { ...state, ...answered, gone: true, raised: [...state.raised, { kind: 'gone' }] },
      alerts: [{ kind: 'gone', text: 'No longer exists' }],
    };
  }

  const { key } = check;
  const had = (match: (alert: RaisedAlert) => boolean) => state.raised.some(match);
  const raised: RaisedAlert[] = [];
  const alerts: WatchAlert[] = [];

  // Disabled: once while it stays disabled; enabled again re-arms it. Unknown keeps what was.
  if (key.disabled !== false && had((a) => a.kind === 'disabled')) raised.push({ kind: 'disabled' });
  else if (key.disabled === true) {
    raised.push({ kind: 'disabled' });
    alerts.push({ kind: 'disabled', text: 'Disabled' });
  }

  // Expiry: the badge decides what "soon" is, so the alert and the card never disagree.
  const expiry = deriveBadges(key, now, rules.warningDays).find((b) => b.id === 'expires_soon' || b.id === 'expired');
  if (expiry !== undefined && typeof key.expires_at === 'string') {
    const expiresAt = key.expires_at;
    raised.push({ kind: 'expiry', expiresAt });
    if (!had((a) => a.kind === 'expiry' && a.expiresAt === expiresAt)) {
      alerts.push({ kind: 'expiry', expiresAt, text: expiry.text });
    }
  }

  // Spend: thresholds of this period only; those of a period that has reset are dropped.
  const period = nextLimitReset(key.limit_reset, now)?.toISOString() ?? 'once';
  const percent = percentUsed(key);
  const earlier = state.raised.filter((a): a is SpendAlert => a.kind === 'spend' && a.period === period);
  raised.push(...earlier);
  const fresh = normalizeThresholds(rules.thresholds).filter(
    (threshold) => percent !== null && percent >= threshold && !earlier.some((a) => a.threshold === threshold),
  );
  for (const threshold of fresh) raised.push({ kind: 'spend', threshold, period });
  const highest = fresh.at(-1);
  if (highest !== undefined && percent !== null) {
    // Crossing 80 % and 100 % in one check is one alert, for the higher one.
    alerts.push({ kind: 'spend', threshold: highest, percent, text: percentText(percent) });
  }

  // Pace: once per limit period, like a threshold; a period that has reset re-arms it.
  const paced = state.raised.some((a) => a.kind === 'pace' && a.period === period);
  if (paced) raised.push({ kind: 'pace', period });
  else if (rules.pace !== false) {
    const pace = projectPace(key, now);
    if (pace?.kind === 'projected' && pace.runsOutAt !== null) {
      raised.push({ kind: 'pace', period });
      alerts.push({ kind: 'pace', period, text: paceAlertText(pace.runsOutAt, now) });
    }
  }

  const kept = watchedKeyOf(key);
  return { state: { key: kept, ...answered, gone: false, raised }, alerts };
}

/** "On pace to reach its limit before the reset (in about 3 h)". */
export function paceAlertText(runsOutAt: Date, now: Date): string {
  const left = runsOutAt.getTime() - now.getTime();
  const when = left <= 0 ? 'about now' : `in about ${formatDurationRounded(left)}`;
  return `On pace to reach its limit before the reset (${when})`;
}

/** What is kept of a key's answer: no other figures, never a key. */
function watchedKeyOf(key: ApiKey): WatchedKey {
  const { hash, name, disabled, expires_at, limit, limit_remaining, limit_reset, include_byok_in_limit } = key;
  const { usage_daily, usage_weekly, usage_monthly, byok_usage_daily, byok_usage_weekly, byok_usage_monthly } = key;
  return {
    ...{ hash, name, disabled, expires_at, limit, limit_remaining, limit_reset, include_byok_in_limit },
    ...{ usage_daily, usage_weekly, usage_monthly, byok_usage_daily, byok_usage_weekly, byok_usage_monthly },
  };
}

/**
 * A key the user just chose to watch from its card: what the card already shows them is known,
 * not news, so it is recorded as raised without alerting; only what changes after alerts.
 */
export function startWatching(key: ApiKey, now: Date, rules: AlertRules = DEFAULT_ALERT_RULES): WatchState {
  return applyCheck(UNCHECKED, { kind: 'found', key }, now, rules).state;
}
