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
