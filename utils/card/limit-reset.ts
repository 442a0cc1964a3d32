import { DAY_MS } from '../time';

/**
 * When a key's spending limit next resets. The API's `limit_reset` names a period of UTC days
 * (spec: usage_weekly is "the current UTC week (Monday-Sunday)"), and the reset is the start of
 * the next one. Always strictly after `now`: at exactly midnight the following boundary is
 * returned. null for no reset, an unknown value, or an invalid `now`.
 */
export function nextLimitReset(limitReset: string | null | undefined, now: Date): Date | null {
  if (limitReset == null || Number.isNaN(now.getTime())) return null;
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const day = now.getUTCDate();
  switch (limitReset.trim().toLowerCase()) {
    case 'daily':
      return new Date(Date.UTC(year, month, day + 1));
    case 'weekly': {
      // getUTCDay: Sunday 0 … Saturday 6; a Monday moves a whole week on.
      const daysToMonday = (8 - now.getUTCDay()) % 7 || 7;
      return new Date(Date.UTC(year, month, day) + daysToMonday * DAY_MS);
    }
    case 'monthly':
      return new Date(Date.UTC(year, month + 1, 1));
    default:
      return null;
  }
}

export type LimitPeriodName = 'daily' | 'weekly' | 'monthly';

/** The limit period `now` is in: from its start (inclusive) to the next reset. */
export interface LimitPeriod {
  name: LimitPeriodName;
  start: Date;
  end: Date;
}

/**
 * The current limit period, as `nextLimitReset` counts it (UTC days, weeks from Monday 00:00,
 * calendar months of 28 to 31 days); null where that has no reset.
 */
export function currentLimitPeriod(limitReset: string | null | undefined, now: Date): LimitPeriod | null {
  const end = nextLimitReset(limitReset, now);
  if (end === null || limitReset == null) return null;
  const name = limitReset.trim().toLowerCase() as LimitPeriodName;
  const start =
    name === 'daily'
      ? new Date(end.getTime() - DAY_MS)
      : name === 'weekly'
        ? new Date(end.getTime() - 7 * DAY_MS)
        : new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1));
  return { name, start, end };
}
