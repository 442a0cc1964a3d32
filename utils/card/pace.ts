import type { ApiKey } from '../api-key';
import { currentLimitPeriod, type LimitPeriodName } from './limit-reset';

/**
 * Where a key's spend is heading in its current limit period, from what the API says alone:
 * the period's spend (with that period's BYOK spend when it counts toward the limit) over the
 * time elapsed in the period gives a rate; at that rate, the spend at the reset, and when the
 * rate would use up what remains (`limit_remaining`, as the API says) before the reset.
 */

/** What the projection reads of a key: its limit, reset period and this period's spend. */
export type PaceKey = Pick<
  ApiKey,
  | 'limit'
  | 'limit_remaining'
  | 'limit_reset'
  | 'include_byok_in_limit'
  | 'usage_daily'
  | 'usage_weekly'
  | 'usage_monthly'
  | 'byok_usage_daily'
  | 'byok_usage_weekly'
  | 'byok_usage_monthly'
>;

/** The share of a period that must have passed before a rate is worth projecting. */
export const EARLIEST_SHARE = 0.05;

export type Pace =
  /** The limit is already reached: the card's badge says so, nothing is projected. */
  | { kind: 'reached' }
  /** In the first 5 % of the period: a rate from minutes of spend would be a wild figure. */
  | { kind: 'too_early'; resetAt: Date }
  /** Nothing spent in this period yet: nothing to project. */
  | { kind: 'no_spend'; resetAt: Date }
  | {
      kind: 'projected';
      period: LimitPeriodName;
      /** Spent in this period so far (toward the limit), in US dollars. */
      spent: number;
      /** The spend at the reset at this rate. */
      projected: number;
      limit: number;
      resetAt: Date;
      /** When the rate uses up `limit_remaining`; null when that is not before the reset. */
      runsOutAt: Date | null;
    };

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** This period's spend that counts toward the limit; undefined when a figure it needs is unknown. */
export function periodSpend(key: PaceKey, period: LimitPeriodName): number | undefined {
  const usage = num(key[`usage_${period}`]);
  if (usage === undefined) return undefined;
  if (key.include_byok_in_limit === false) return usage;
  if (key.include_byok_in_limit !== true) return undefined;
  const byok = num(key[`byok_usage_${period}`]);
  return byok === undefined ? undefined : usage + byok;
}

/**
 * The key's pace at `now` (the time the API answered), or null when there is nothing to project:
 * no limit, no reset period, or a figure the projection needs is unknown.
 */
export function projectPace(key: PaceKey, now: Date): Pace | null {
  const limit = num(key.limit);
  const remaining = num(key.limit_remaining);
  if (limit === undefined || remaining === undefined || limit <= 0) return null;
  const period = currentLimitPeriod(key.limit_reset, now);
  if (period === null) return null;
  if (remaining <= 0) return { kind: 'reached' };
  const spent = periodSpend(key, period.name);
  if (spent === undefined) return null;
  const resetAt = period.end;
  const length = period.end.getTime() - period.start.getTime();
  const elapsed = now.getTime() - period.start.getTime();
  if (elapsed < length * EARLIEST_SHARE) return { kind: 'too_early', resetAt };
  if (spent <= 0) return { kind: 'no_spend', resetAt };
  const rate = spent / elapsed;
  const left = resetAt.getTime() - now.getTime();
  const projected = spent + rate * left;
  // The API's remainder is trusted over limit − spend: they differ when the limit changed, or
  // when spend that counts toward it is not in the period's figures.
  const untilEmpty = remaining / rate;
  const runsOutAt = untilEmpty < left ? new Date(now.getTime() + untilEmpty) : null;
  return { kind: 'projected', period: period.name, spent, projected, limit, resetAt, runsOutAt };
}
